package io.hookyard.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookyard.rules.filter.Ast.And;
import io.hookyard.rules.filter.Ast.ChangedRef;
import io.hookyard.rules.filter.Ast.Comparison;
import io.hookyard.rules.filter.Ast.ConditionValue;
import io.hookyard.rules.filter.Ast.DataRef;
import io.hookyard.rules.filter.Ast.EnvelopeRef;
import io.hookyard.rules.filter.Ast.InList;
import io.hookyard.rules.filter.Ast.Length;
import io.hookyard.rules.filter.Ast.Literal;
import io.hookyard.rules.filter.Ast.MatchesPattern;
import io.hookyard.rules.filter.Ast.NonEmpty;
import io.hookyard.rules.filter.Ast.Not;
import io.hookyard.rules.filter.Ast.Operand;
import io.hookyard.rules.filter.Ast.Or;
import io.hookyard.rules.filter.Ast.Predicate;
import io.hookyard.rules.filter.Ast.Quantified;
import io.hookyard.rules.filter.Ast.Quantifier;
import io.hookyard.rules.filter.Ast.Root;
import io.hookyard.rules.filter.Ast.Span;
import io.hookyard.rules.filter.Ast.StringFunction;
import io.hookyard.rules.filter.Ast.StringTest;
import io.hookyard.rules.filter.Ast.Truthy;
import io.hookyard.rules.filter.Ast.VarRef;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates the {@link Ast} with pattern-matching switches. {@code frame} holds the current element
 * of each enclosing lambda, by slot. Nothing here throws for any event.
 */
final class Evaluator {
  private Evaluator() {}

  static boolean test(Predicate p, FilterContext ctx, JsonNode[] frame) {
    return switch (p) {
      case And and -> all(and.terms(), ctx, frame);
      case Or or -> any(or.terms(), ctx, frame);
      case Not not -> !test(not.operand(), ctx, frame);
      case Comparison c ->
          Values.compare(c.op(), value(c.left(), ctx, frame), value(c.right(), ctx, frame));
      case InList in -> in(in, ctx, frame);
      case StringTest s -> stringTest(s, ctx, frame);
      case MatchesPattern m -> {
        String subject = Values.string(value(m.subject(), ctx, frame));
        yield subject != null && m.pattern().matcher(subject).find();
      }
      case Quantified q -> quantified(q, ctx, frame);
      case NonEmpty n ->
          value(n.collection(), ctx, frame) instanceof JsonNode a && a.isArray() && !a.isEmpty();
      case Truthy t -> Values.isTrue(value(t.operand(), ctx, frame));
    };
  }

  static Object value(Operand o, FilterContext ctx, JsonNode[] frame) {
    return switch (o) {
      case Literal l -> l.value();
      case EnvelopeRef e -> ctx.envelope().get(e.name());
      case DataRef d -> walk(d.root() == Root.NEW ? ctx.newData() : ctx.oldData(), d.segments());
      case ChangedRef c -> changed(c, ctx) ? Boolean.TRUE : Boolean.FALSE;
      case VarRef v -> walk(frame[v.slot()], v.segments());
      case StringFunction f -> {
        String s = Values.string(value(f.argument(), ctx, frame));
        if (s == null) {
          yield null;
        }
        yield switch (f.fn()) {
          case TOLOWER -> s.toLowerCase(Locale.ROOT);
          case TOUPPER -> s.toUpperCase(Locale.ROOT);
          case TRIM -> s.strip();
        };
      }
      case Length l -> length(value(l.argument(), ctx, frame));
      case ConditionValue c -> test(c.predicate(), ctx, frame) ? Boolean.TRUE : Boolean.FALSE;
    };
  }

  private static boolean all(List<Predicate> terms, FilterContext ctx, JsonNode[] frame) {
    for (int i = 0, n = terms.size(); i < n; i++) {
      if (!test(terms.get(i), ctx, frame)) {
        return false;
      }
    }
    return true;
  }

  private static boolean any(List<Predicate> terms, FilterContext ctx, JsonNode[] frame) {
    for (int i = 0, n = terms.size(); i < n; i++) {
      if (test(terms.get(i), ctx, frame)) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(InList in, FilterContext ctx, JsonNode[] frame) {
    Object v = value(in.value(), ctx, frame);
    List<Literal> candidates = in.candidates();
    for (int i = 0, n = candidates.size(); i < n; i++) {
      if (Values.compare(Ast.CompareOp.EQ, v, candidates.get(i).value())) {
        return true;
      }
    }
    return false;
  }

  private static boolean stringTest(StringTest s, FilterContext ctx, JsonNode[] frame) {
    String subject = Values.string(value(s.subject(), ctx, frame));
    if (subject == null) {
      return false;
    }
    String part = Values.string(value(s.part(), ctx, frame));
    if (part == null) {
      return false;
    }
    return switch (s.op()) {
      case CONTAINS -> subject.contains(part);
      case STARTS_WITH -> subject.startsWith(part);
      case ENDS_WITH -> subject.endsWith(part);
    };
  }

  private static boolean quantified(Quantified q, FilterContext ctx, JsonNode[] frame) {
    if (!(value(q.collection(), ctx, frame) instanceof JsonNode array) || !array.isArray()) {
      return false;
    }
    boolean wantAny = q.quantifier() == Quantifier.ANY;
    int slot = q.slot();
    JsonNode saved = frame[slot];
    try {
      for (int i = 0, n = array.size(); i < n; i++) {
        frame[slot] = array.get(i);
        if (test(q.body(), ctx, frame) == wantAny) {
          return wantAny;
        }
      }
      return !wantAny;
    } finally {
      frame[slot] = saved;
    }
  }

  private static Object length(Object value) {
    Object v = Values.scalar(value);
    if (v instanceof String s) {
      return (long) s.codePointCount(0, s.length());
    }
    if (v instanceof JsonNode n && n.isArray()) {
      return (long) n.size();
    }
    return null;
  }

  /** Follows member names from {@code node}; null when any step is missing or not an object. */
  static JsonNode walk(JsonNode node, List<String> segments) {
    JsonNode current = node;
    for (int i = 0, n = segments.size(); i < n && current != null; i++) {
      current = current.isObject() ? current.get(segments.get(i)) : null;
    }
    return current == null || current.isNull() || current.isMissingNode() ? null : current;
  }

  /**
   * Whether old and new differ at the path. When either snapshot is absent as a whole (a created
   * resource has no old state), nothing counts as changed.
   */
  static boolean changed(ChangedRef c, FilterContext ctx) {
    if (ctx.oldData() == null || ctx.newData() == null) {
      return false;
    }
    return !Values.sameJson(
        walk(ctx.oldData(), c.segments()), walk(ctx.newData(), c.segments()), 0);
  }

  // ---- explanations ----

  /** The first clause that makes {@code p} false, or null when {@code p} holds. */
  static Explanation explain(Predicate p, FilterContext ctx, JsonNode[] frame, String src) {
    if (test(p, ctx, frame)) {
      return null;
    }
    return switch (p) {
      case And and -> {
        for (Predicate term : and.terms()) {
          if (!test(term, ctx, frame)) {
            yield explain(term, ctx, frame, src);
          }
        }
        yield failure(src, and.span(), "the condition is false");
      }
      case Or or ->
          failure(src, or.span(), "none of the " + or.terms().size() + " alternatives holds");
      case Not not -> failure(src, not.span(), "the negated condition holds");
      case Comparison c -> failure(src, c.span(), operands(src, ctx, frame, c.left(), c.right()));
      case InList in -> failure(src, in.span(), operands(src, ctx, frame, in.value()));
      case StringTest s -> failure(src, s.span(), operands(src, ctx, frame, s.subject(), s.part()));
      case MatchesPattern m -> failure(src, m.span(), operands(src, ctx, frame, m.subject()));
      case NonEmpty n -> failure(src, n.span(), operands(src, ctx, frame, n.collection()));
      case Truthy t -> failure(src, t.span(), operands(src, ctx, frame, t.operand()));
      case Quantified q -> explainQuantified(q, ctx, frame, src);
    };
  }

  private static Explanation explainQuantified(
      Quantified q, FilterContext ctx, JsonNode[] frame, String src) {
    Object collection = value(q.collection(), ctx, frame);
    String path = text(src, q.collection().span());
    if (!(collection instanceof JsonNode array) || !array.isArray()) {
      return failure(src, q.span(), path + " is " + Values.describe(collection) + ", not an array");
    }
    if (q.quantifier() == Quantifier.ANY) {
      return failure(
          src,
          q.span(),
          array.isEmpty()
              ? path + " is an empty array"
              : "no element of " + path + " (" + array.size() + ") satisfies the condition");
    }
    JsonNode saved = frame[q.slot()];
    try {
      for (int i = 0; i < array.size(); i++) {
        frame[q.slot()] = array.get(i);
        Explanation inner = explain(q.body(), ctx, frame, src);
        if (inner != null) {
          return new Explanation(
              inner.clause(),
              inner.line(),
              inner.column(),
              inner.offset(),
              "in element " + i + " of " + path + ": " + inner.detail());
        }
      }
    } finally {
      frame[q.slot()] = saved;
    }
    return failure(src, q.span(), "the condition is false");
  }

  private static String operands(
      String src, FilterContext ctx, JsonNode[] frame, Operand... operands) {
    StringBuilder out = new StringBuilder();
    for (Operand o : operands) {
      if (o instanceof Literal) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(", ");
      }
      out.append(text(src, o.span())).append(" is ").append(Values.describe(value(o, ctx, frame)));
      if (o instanceof ChangedRef && !ctx.hasOldState()) {
        out.append(" (the event has no previous state)");
      }
    }
    return out.isEmpty() ? "the condition is false" : out.toString();
  }

  private static Explanation failure(String src, Span span, String detail) {
    return new Explanation(
        text(src, span),
        SourcePosition.line(src, span.start()),
        SourcePosition.column(src, span.start()),
        span.start(),
        detail);
  }

  private static String text(String src, Span span) {
    return src.substring(span.start(), span.end());
  }
}
