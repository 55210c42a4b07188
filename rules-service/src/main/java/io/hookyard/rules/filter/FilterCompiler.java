package io.hookyard.rules.filter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Compiles filter text (an OData {@code $filter} dialect, see docs/filters.md) into a {@link
 * CompiledFilter}. {@link #compile(String)} keeps the last {@value #CACHE_SIZE} distinct filters
 * (least recently used out), so the same text is parsed once. Malformed text, and text over the
 * {@link FilterLimits}, throws {@link FilterSyntaxException}, the only exception it throws.
 */
public final class FilterCompiler {
  static final int CACHE_SIZE = 1_024;

  private static final Cache<String, CompiledFilter> CACHE =
      Caffeine.newBuilder().maximumSize(CACHE_SIZE).executor(Runnable::run).build();

  private FilterCompiler() {}

  /** Compiles with the default limits, from the cache when this text was compiled before. */
  public static CompiledFilter compile(String source) {
    if (source == null) {
      return compile(null, FilterLimits.DEFAULT);
    }
    return CACHE.get(source, text -> compile(text, FilterLimits.DEFAULT));
  }

  /** Compiles without the cache, with the given limits. Null text counts as empty. */
  public static CompiledFilter compile(String source, FilterLimits limits) {
    String text = source == null ? "" : source;
    return new CompiledFilter(
        text, Parser.parse(text, limits == null ? FilterLimits.DEFAULT : limits));
  }

  /**
   * Checks filter text with the default limits, for validating a subscription when it is saved.
   *
   * @throws FilterSyntaxException where the text is wrong
   */
  public static void validate(String source) {
    compile(source);
  }
}
