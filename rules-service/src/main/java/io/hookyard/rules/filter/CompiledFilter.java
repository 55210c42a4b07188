package io.hookyard.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A filter compiled once by {@link FilterCompiler}: immutable and safe to share between threads.
 * {@link #matches} allocates nothing for filters without lambdas (one small array with them) and
 * never throws for any event.
 */
public final class CompiledFilter {
  private static final JsonNode[] NO_FRAME = new JsonNode[0];

  private final String source;
  private final Ast.Predicate root;
  private final int frameSize;
  private final boolean needsOldState;
  private final int nodeCount;

  CompiledFilter(String source, Parser.Result parsed) {
    this.source = source;
    this.root = parsed.root();
    this.frameSize = parsed.frameSize();
    this.needsOldState = parsed.needsOldState();
    this.nodeCount = parsed.nodeCount();
  }

  /** Whether the event in {@code context} satisfies the filter. */
  public boolean matches(FilterContext context) {
    Objects.requireNonNull(context, "context");
    return Evaluator.test(root, context, frame());
  }

  /**
   * Why the event does not satisfy the filter: the first false clause (for {@code and}, the first
   * false term, descending into it; for {@code or} and {@code not}, the whole clause), or null when
   * the event matches. For dry runs; slower than {@link #matches}.
   */
  public Explanation explain(FilterContext context) {
    Objects.requireNonNull(context, "context");
    return Evaluator.explain(root, context, frame(), source);
  }

  /**
   * Whether the filter reads the previous state ({@code old/…} or {@code changed/…}). When false,
   * the caller need not load it.
   */
  public boolean needsOldState() {
    return needsOldState;
  }

  /** The filter text it was compiled from. */
  public String source() {
    return source;
  }

  /** How many syntax nodes the filter has (at most {@link FilterLimits#maxNodes()}). */
  public int nodeCount() {
    return nodeCount;
  }

  /** The syntax tree, for tests and debugging. */
  Ast.Predicate root() {
    return root;
  }

  private JsonNode[] frame() {
    return frameSize == 0 ? NO_FRAME : new JsonNode[frameSize];
  }

  @Override
  public String toString() {
    return "CompiledFilter[" + source + "]";
  }
}
