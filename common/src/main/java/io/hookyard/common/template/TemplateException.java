package io.hookyard.common.template;

/**
 * A template that cannot be used: it does not parse ({@link Kind#SYNTAX}, found when it is saved)
 * or it needs a value the event does not have ({@link Kind#RENDER}, found when it is rendered,
 * which a retry would not mend). The message names the line and says what went wrong, without the
 * engine's internals.
 */
public final class TemplateException extends RuntimeException {
  /** When the problem shows. */
  public enum Kind {
    SYNTAX,
    RENDER
  }

  private final Kind kind;
  private final int line;
  private final int column;
  private final String field;

  public TemplateException(Kind kind, int line, int column, String message) {
    this(kind, line, column, message, null);
  }

  private TemplateException(Kind kind, int line, int column, String message, String field) {
    super(message);
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.field = field;
  }

  /** The same problem, said to be in {@code field} (such as {@code body} or {@code headers.X}). */
  public TemplateException inField(String field) {
    return new TemplateException(kind, line, column, getMessage(), field);
  }

  /** The template field the problem is in, or null when the renderer did not say. */
  public String field() {
    return field;
  }

  public Kind kind() {
    return kind;
  }

  /** The 1-based line of the problem, or 0 when the engine did not say. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or 0 when the engine did not say. */
  public int column() {
    return column;
  }
}
