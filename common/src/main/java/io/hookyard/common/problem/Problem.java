package io.hookyard.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URN per kind of problem, so clients
 * can branch on it; {@code detail} is for people and never carries internals.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String errorId) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:hookyard:problem:";

  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(TYPE_PREFIX + code, title, status, detail, null, null, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, fieldErrors, errorId);
  }

  public Problem withErrorId(String id) {
    return new Problem(type, title, status, detail, instance, errors, id);
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors, errorId);
  }

  /** One invalid input field, named by its path in the request. */
  public record FieldError(String field, String message) {}
}
