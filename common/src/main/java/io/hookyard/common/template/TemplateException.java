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

  public TemplateException(Kind kind, int line, int column, String message) {
    super(message);
    this.kind = kind;
    this.line = line;
    this.column = column;
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
