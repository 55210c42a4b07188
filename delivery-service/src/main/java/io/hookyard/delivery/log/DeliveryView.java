package io.hookyard.delivery.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.hookyard.delivery.delivery.Delivery;
import io.hookyard.delivery.delivery.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** A delivery as the log shows it; the event and attempts only in the detail view. */
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
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    @JsonRawValue String event,
    List<AttemptView> attempts) {

  static DeliveryView summary(Delivery d) {
    return of(d, null, null);
  }

  static DeliveryView detail(Delivery d, List<AttemptView> attempts) {
    return of(d, new String(d.event, StandardCharsets.UTF_8), attempts);
  }

  private static DeliveryView of(Delivery d, String event, List<AttemptView> attempts) {
    boolean waiting = d.status == DeliveryStatus.PENDING || d.status == DeliveryStatus.FAILING;
    return new DeliveryView(
        d.id,
        d.tenant,
        d.eventId,
        d.eventType,
        d.subscriptionId,
        d.destinationId,
        d.status,
        d.attemptCount,
        waiting ? d.nextAttemptAt : null,
        d.lastResponseStatus,
        d.lastError,
        d.createdAt,
        d.updatedAt,
        d.completedAt,
        event,
        attempts);
  }
}
