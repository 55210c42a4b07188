package io.hookyard.console.api;

import java.util.List;

/**
 * A management API answered with an error. Carries the problem details it sent (RFC 9457), so a
 * page can show the user what the API said, and the status, so the console answers with the same.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final String detail;
  private final List<FieldError> errors;

  public ApiException(int status, String title, String detail, List<FieldError> errors) {
    super(status + " " + title + ": " + detail, null, false, false);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** One invalid field, as the API named it. */
  public record FieldError(String field, String message) {}

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The API refused the input: the page shows the form again with what was wrong. */
  public boolean isInputProblem() {
    return status == 400 || status == 409 || status == 422;
  }

  /** Everything the API said, in one line for a form's error banner. */
  public String summary() {
    StringBuilder text = new StringBuilder(detail == null || detail.isBlank() ? title : detail);
    for (FieldError error : errors) {
      text.append(' ').append(error.field()).append(": ").append(error.message()).append('.');
    }
    return text.toString();
  }
}
