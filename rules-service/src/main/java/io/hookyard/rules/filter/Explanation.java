package io.hookyard.rules.filter;

/**
 * Why a filter did not match an event: the first clause that is false, as written in the filter,
 * with its position, and what the event held there.
 *
 * @param clause the clause's source text, such as {@code old/hardware/powerState eq 'ON'}
 * @param line the clause's 1-based line
 * @param column the clause's 1-based column
 * @param offset the clause's 0-based char offset
 * @param detail what the event held, such as {@code old/hardware/powerState is 'OFF'}
 */
public record Explanation(String clause, int line, int column, int offset, String detail) {
  @Override
  public String toString() {
    return "line " + line + ", column " + column + ": " + clause + " is false: " + detail;
  }
}
