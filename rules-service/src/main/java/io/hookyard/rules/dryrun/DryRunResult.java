package io.hookyard.rules.dryrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a subscription would do with an event; nothing is sent. {@code reason} says why it does not
 * match; {@code steps} show each rendered request with credentials masked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DryRunResult(
    boolean matches,
    String reason,
    FailedClause failedClause,
    String errorReason,
    List<StepPreview> steps) {

  /** The filter clause that is false, where it is, and what the event held there. */
  public record FailedClause(String clause, int line, int column, String detail) {}

  /** One step: skipped, rendered, or the error that rendering met. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StepPreview(
      String name,
      String destinationId,
      Boolean skipped,
      String method,
      String url,
      Map<String, String> headers,
      String body,
      Map<String, Object> email,
      String error) {}

  static DryRunResult noMatch(String reason, FailedClause clause) {
    return new DryRunResult(false, reason, clause, null, null);
  }
}
