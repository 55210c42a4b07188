package io.hookyard.rules.filter;

/**
 * Bounds on what one filter may be, so that a hostile or careless filter can neither exhaust the
 * stack nor make evaluation slow. Exceeding one is a {@link FilterSyntaxException} naming it.
 *
 * @param maxLength the most chars a filter's text may have
 * @param maxDepth the deepest nesting of parentheses, {@code not}, function calls and lambdas
 * @param maxNodes the most nodes the filter's syntax tree may have
 */
public record FilterLimits(int maxLength, int maxDepth, int maxNodes) {
  /** 4,096 chars, 32 levels, 512 nodes. */
  public static final FilterLimits DEFAULT = new FilterLimits(4_096, 32, 512);

  public FilterLimits {
    if (maxLength < 1 || maxDepth < 1 || maxNodes < 1) {
      throw new IllegalArgumentException("filter limits must be positive");
    }
  }
}
