package io.hookyard.delivery.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookyard.delivery.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A replay as the API shows it. {@code matched} deliveries fitted the request; {@code queued} of
 * them were put back in the queue and {@code skipped} were left alone because an attempt was in
 * flight. {@code progress} says where the deliveries whose current round this replay started stand
 * now (a later replay of the same delivery takes it over).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayView(
    String id,
    String deliveryId,
    Criteria criteria,
    boolean includeSucceeded,
    int matched,
    int queued,
    int skipped,
    String requestedBy,
    Instant createdAt,
    Progress progress) {

  /** What a replay by filter asked for. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Criteria(
      Instant since,
      Instant until,
      String destinationId,
      String subscriptionId,
      String eventType,
      List<DeliveryStatus> statuses,
      String responseCode,
      String deliveryId,
      String eventId) {}

  public record Progress(long pending, long failing, long succeeded, long dead) {
    static Progress of(Map<DeliveryStatus, Long> counts) {
      return new Progress(
          counts.getOrDefault(DeliveryStatus.PENDING, 0L),
          counts.getOrDefault(DeliveryStatus.FAILING, 0L),
          counts.getOrDefault(DeliveryStatus.SUCCEEDED, 0L),
          counts.getOrDefault(DeliveryStatus.DEAD, 0L));
    }
  }

  static ReplayView of(Replay r, Map<DeliveryStatus, Long> progress) {
    Criteria criteria =
        r.deliveryId != null
            ? null
            : new Criteria(
                r.since,
                r.until,
                r.destinationId,
                r.subscriptionId,
                r.eventType,
                ReplayStatuses.stored(r.statuses),
                r.responseCode,
                r.criteriaDeliveryId,
                r.eventId);
    return new ReplayView(
        r.id,
        r.deliveryId,
        criteria,
        r.includeSucceeded,
        r.matched,
        r.queued,
        r.matched - r.queued,
        r.requestedBy,
        r.createdAt,
        Progress.of(progress));
  }
}
