package io.hookyard.delivery.replay;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A replay by filter: the deliveries of the tenant created from {@code since} until {@code until}
 * (default: now) that match every other criterion given. {@code statuses} default to dead and
 * failing; succeeded deliveries are replayed only with {@code includeSucceeded}. The criteria are
 * those of the delivery log's search, so a replay can take whatever filter the log was shown with:
 * {@code responseCode} is the latest response's status or class ({@code 503}, {@code 5xx}), {@code
 * deliveryId} the request id receivers see as {@code webhook-id}, {@code eventId} one event.
 */
public record ReplayRequest(
    @NotNull Instant since,
    Instant until,
    @Size(min = 1, max = 200) String destinationId,
    @Size(min = 1, max = 200) String subscriptionId,
    @Size(min = 1, max = 200) String eventType,
    @Size(max = 4) List<@NotNull String> statuses,
    Boolean includeSucceeded,
    @Size(min = 1, max = 20) String responseCode,
    @Size(min = 1, max = 200) String deliveryId,
    @Size(min = 1, max = 200) String eventId) {

  boolean succeededIncluded() {
    return Boolean.TRUE.equals(includeSucceeded);
  }
}
