package io.hookyard.delivery.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.hookyard.delivery.delivery.DeadReason;
import io.hookyard.delivery.delivery.Delivery;
import io.hookyard.delivery.delivery.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A delivery as the log shows it; the event and attempts only in the detail view. {@code id} is
 * what receivers get as {@code webhook-id}; {@code deadReason} and {@code deadAt} say why and when
 * a dead letter died; {@code replayId} names the replay that queued the current round of attempts;
 * {@code mock} marks a delivery of a mock send. For an action, the detail view shows the action as
 * planned, the route it is on ({@code main} or {@code error}) and its current step; each attempt
 * names its step. {@code destinationId} is the current step's destination.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
    String id,
    String tenant,
    String eventId,
    String eventType,
    String subscriptionId,
    String destinationId,
    DeliveryStatus status,
    int attemptCount,
    Instant nextAttemptAt,
    Integer lastResponseStatus,
    String lastError,
    DeadReason deadReason,
    Instant deadAt,
    String replayId,
    boolean mock,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    @JsonRawValue String event,
    @JsonRawValue String action,
    String route,
    String currentStep,
    List<AttemptView> attempts) {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  static DeliveryView detail(Delivery d, List<AttemptView> attempts) {
    return new DeliveryView(
        d.id,
        d.tenant,
        d.eventId,
        d.eventType,
        d.subscriptionId,
        d.destinationId,
        d.status,
        d.attemptCount,
        d.status.isFinished() ? null : d.nextAttemptAt,
        d.lastResponseStatus,
        d.lastError,
        d.deadReason,
        d.status == DeliveryStatus.DEAD ? d.completedAt : null,
        d.replayId,
        d.mock,
        d.createdAt,
        d.updatedAt,
        d.completedAt,
        new String(d.event, StandardCharsets.UTF_8),
        d.action,
        d.action == null ? null : d.route,
        d.action == null ? null : currentStep(d),
        attempts);
  }

  /** The name of the step that runs next, or ran last. */
  private static String currentStep(Delivery d) {
    try {
      com.fasterxml.jackson.databind.JsonNode action = JSON.readTree(d.action);
      com.fasterxml.jackson.databind.JsonNode steps =
          "error".equals(d.route) ? action.path("errorRoute").path("steps") : action.path("steps");
      return steps.path(d.stepIndex).path("name").asText(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
