package io.hookyard.rules.filter;

/** Turns a char offset in the filter text into a 1-based line and column. */
final class SourcePosition {
  private SourcePosition() {}

  static int line(String source, int offset) {
    int end = clamp(source, offset);
    int line = 1;
    for (int i = 0; i < end; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  static int column(String source, int offset) {
    int end = clamp(source, offset);
    int lineStart = source.lastIndexOf('\n', end - 1) + 1;
    return source.codePointCount(lineStart, end) + 1;
  }

  private static int clamp(String source, int offset) {
    return Math.max(0, Math.min(offset, source.length()));
  }
}
