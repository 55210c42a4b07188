package io.hookyard.rules.filter;

/**
 * The one exception the filter compiler throws: the filter text is malformed, uses an unknown name
 * or function, has an invalid regular expression, or exceeds one of the {@link FilterLimits}. It
 * carries the 1-based line and column (counted in code points) and the 0-based character offset of
 * the place it refers to. The message reads {@code line 1, column 23: expected ')' but found
 * 'and'}.
 */
public final class FilterSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final int offset;
  private final String reason;

  FilterSyntaxException(String source, int offset, String reason) {
    this(
        SourcePosition.line(source, offset), SourcePosition.column(source, offset), offset, reason);
  }

  private FilterSyntaxException(int line, int column, int offset, String reason) {
    super("line " + line + ", column " + column + ": " + reason, null, false, false);
    this.line = line;
    this.column = column;
    this.offset = offset;
    this.reason = reason;
  }

  /** The 1-based line. */
  public int line() {
    return line;
  }

  /** The 1-based column, counted in code points from the start of the line. */
  public int column() {
    return column;
  }

  /** The 0-based offset in the filter text, in chars; equal to its length at the end of input. */
  public int offset() {
    return offset;
  }

  /** The message without the position, such as {@code expected ')' but found 'and'}. */
  public String reason() {
    return reason;
  }
}
