package io.hookyard.console.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the console reads from the management APIs: only the fields its pages show or send back.
 * Unknown fields are ignored, so the APIs can grow without breaking the console.
 */
public final class Model {
  private Model() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Source(
      String id,
      String name,
      String vendor,
      String description,
      boolean enabled,
      String url,
      int maxBodyBytes,
      int activeSecrets,
      Instant createdAt,
      String secret) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RequestLogEntry(
      String id,
      String sourceId,
      Instant receivedAt,
      String method,
      String verdict,
      int status,
      String reason,
      String detail,
      String eventId) {

    public boolean accepted() {
      return "ACCEPTED".equals(verdict)
          || "DUPLICATE".equals(verdict)
          || "HANDSHAKE".equals(verdict);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RequestLogPage(List<RequestLogEntry> items, String nextCursor) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Vendor(
      String vendor,
      String displayName,
      String secret,
      List<String> eventTypes,
      List<Sample> samples) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Sample(String type, String description, String payload) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Subscription(
      String id,
      String name,
      String description,
      boolean enabled,
      List<String> eventTypes,
      List<String> sources,
      String filter,
      String destinationId,
      Action action,
      Instant updatedAt) {}

  /** Steps and error route; the error route is kept as the API sent it and sent back unchanged. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Action(List<Step> steps, JsonNode errorRoute) {}

  /** One step: a preset with fields, or a templated request or e-mail (edited as JSON). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Step(
      String name,
      String destinationId,
      String condition,
      String method,
      String path,
      Map<String, String> headers,
      String body,
      String preset,
      Map<String, String> fields,
      JsonNode email,
      List<String> retrySchedule) {

    // Not a property of the step: without this, Jackson would write "preset": false.
    @JsonIgnore
    public boolean isPreset() {
      return preset != null && email == null;
    }

    public String field(String name) {
      return fields == null ? "" : fields.getOrDefault(name, "");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FilterCheck(
      boolean valid, Integer line, Integer column, Integer offset, String reason) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DryRunResult(
      boolean matches,
      String reason,
      FailedClause failedClause,
      String errorReason,
      List<StepPreview> steps) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FailedClause(String clause, int line, int column, String detail) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
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

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Destination(
      String id,
      String name,
      String url,
      String method,
      int timeoutSeconds,
      Integer rateLimit,
      Integer maxConcurrency,
      List<String> retrySchedule,
      String successCodes,
      boolean fifo,
      String state,
      String stateReason,
      Instant stateChangedAt,
      Health health,
      int signingSecrets,
      String secret) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Health(int consecutiveFailures, Instant failingSince, Instant circuitOpenUntil) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Delivery(
      String id,
      String eventId,
      String eventType,
      String subscriptionId,
      String destinationId,
      String status,
      int attemptCount,
      Instant nextAttemptAt,
      Integer lastResponseStatus,
      String lastError,
      String deadReason,
      Instant deadAt,
      String replayId,
      Instant createdAt,
      Instant completedAt,
      JsonNode event,
      List<Attempt> attempts) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Attempt(
      String id,
      int attemptNumber,
      String step,
      Instant startedAt,
      int durationMs,
      String outcome,
      String errorClass,
      String errorDetail,
      String replayId,
      Exchange request,
      Exchange response) {}

  /**
   * A request as sent or a response as received; {@code method} and {@code url} only on requests.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Exchange(
      String method, String url, Integer status, Map<String, List<String>> headers, String body) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DeliveryPage(List<Delivery> items, String nextCursor) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Summary(
      String period, Instant since, Instant until, Totals totals, List<Bucket> buckets) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Totals(long all, long succeeded, long failed, long pending, long dead) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Bucket(Instant start, Totals totals) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Replay(String id, String deliveryId, int matched, int queued, int skipped) {}
}
