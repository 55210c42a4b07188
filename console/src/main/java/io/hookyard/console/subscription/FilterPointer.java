package io.hookyard.console.subscription;

import io.hookyard.console.api.Model.FilterCheck;

/**
 * Where a filter's error is, drawn for the editor: the line it is on and a caret under the column
 * (counted in code points, as rules-service counts them).
 */
public record FilterPointer(
    boolean valid,
    boolean empty,
    int line,
    int column,
    String reason,
    String lineText,
    String caret) {

  static FilterPointer of(String filter, FilterCheck check) {
    if (filter == null || filter.isBlank()) {
      return new FilterPointer(true, true, 0, 0, null, null, null);
    }
    if (check.valid()) {
      return new FilterPointer(true, false, 0, 0, null, null, null);
    }
    int line = check.line() == null ? 1 : check.line();
    int column = check.column() == null ? 1 : check.column();
    String[] lines = filter.split("\n", -1);
    String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
    int width = Math.max(0, Math.min(column - 1, text.codePointCount(0, text.length())));
    return new FilterPointer(
        false, false, line, column, check.reason(), text, " ".repeat(width) + "^");
  }
}
