package io.hookyard.delivery.delivery;

import io.hookyard.common.delivery.DeliveryRequest;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.id.Ids;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.destination.Destination;
import io.hookyard.delivery.destination.DestinationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The delivery work queue in PostgreSQL: takes requests in, hands due deliveries to workers under a
 * lease, and records each attempt's outcome. Each step is one short transaction; no transaction
 * stays open while a destination is called.
 */
@ApplicationScoped
public class DeliveryQueue {
  private final DeliveryRepository deliveries;
  private final AttemptRepository attempts;
  private final DestinationRepository destinations;
  private final DeliveryConfig config;
  private final RetrySchedule schedule;
  private final Clock clock;

  public DeliveryQueue(
      DeliveryRepository deliveries,
      AttemptRepository attempts,
      DestinationRepository destinations,
      DeliveryConfig config,
      Clock clock) {
    this.deliveries = deliveries;
    this.attempts = attempts;
    this.destinations = destinations;
    this.config = config;
    this.schedule = new RetrySchedule(config.retrySchedule(), config.jitter());
    this.clock = clock;
  }

  /** A claimed delivery and the URL it goes to (null when the destination is gone). */
  public record Claim(Delivery delivery, String url) {}

  /** Adds requests; ones seen before (by delivery id) are ignored. Returns how many were new. */
  @Transactional
  public int enqueue(List<DeliveryRequest> requests) {
    Instant now = clock.instant();
    int added = 0;
    for (DeliveryRequest request : requests) {
      Delivery delivery = new Delivery();
      delivery.id = request.id();
      delivery.tenant = request.tenant();
      delivery.eventId = request.event().getId();
      delivery.eventType = request.event().getType();
      delivery.subscriptionId = request.subscriptionId();
      delivery.destinationId = request.destinationId();
      delivery.event = CloudEventJson.serialize(request.event());
      delivery.createdAt = now;
      if (deliveries.insertIfNew(delivery)) {
        added++;
      }
    }
    return added;
  }

  /** Claims up to {@code limit} due deliveries for this worker until the lease runs out. */
  @Transactional
  public List<Claim> claimDue(int limit) {
    Instant now = clock.instant();
    List<Delivery> due = deliveries.lockDue(now, limit);
    if (due.isEmpty()) {
      return List.of();
    }
    Map<String, String> urls = new HashMap<>();
    List<String> destinationIds = due.stream().map(d -> d.destinationId).distinct().toList();
    destinations
        .list("id in ?1", destinationIds)
        .forEach(destination -> urls.put(destination.id, urlOf(destination)));
    Instant leaseUntil = now.plus(config.worker().lease());
    return due.stream()
        .map(
            delivery -> {
              delivery.leaseUntil = leaseUntil;
              return new Claim(delivery, urls.get(delivery.destinationId));
            })
        .toList();
  }

  /** Records an attempt and moves the delivery on: succeeded, retry later, or dead. */
  @Transactional
  public void record(String deliveryId, AttemptResult result) {
    Delivery delivery = deliveries.findById(deliveryId);
    Instant now = clock.instant();
    delivery.attemptCount++;
    attempts.persist(toAttempt(delivery, result));
    delivery.leaseUntil = null;
    delivery.updatedAt = now;
    delivery.lastResponseStatus = result.status();
    delivery.lastError = result.errorClass() == null ? null : result.errorClass().name();
    if (result.succeeded()) {
      delivery.status = DeliveryStatus.SUCCEEDED;
      delivery.completedAt = now;
      return;
    }
    schedule
        .waitAfter(delivery.attemptsThisRound(), RandomGenerator.getDefault())
        .ifPresentOrElse(
            wait -> {
              delivery.status = DeliveryStatus.FAILING;
              delivery.nextAttemptAt = now.plus(wait);
            },
            () -> {
              delivery.status = DeliveryStatus.DEAD;
              delivery.deadReason = DeadReason.SCHEDULE_EXHAUSTED;
              delivery.completedAt = now;
            });
  }

  /**
   * A delivery that can never succeed goes straight to the dead letters, with its reason.
   *
   * @param detail what went wrong, for the person reading the log
   */
  @Transactional
  public void bury(String deliveryId, DeadReason reason, String detail) {
    Delivery delivery = deliveries.findById(deliveryId);
    Instant now = clock.instant();
    delivery.status = DeliveryStatus.DEAD;
    delivery.deadReason = reason;
    delivery.lastError = detail;
    delivery.leaseUntil = null;
    delivery.updatedAt = now;
    delivery.completedAt = now;
  }

  private static String urlOf(Destination destination) {
    return destination.url;
  }

  private static Attempt toAttempt(Delivery delivery, AttemptResult result) {
    Attempt attempt = new Attempt();
    attempt.id = Ids.newId(Ids.ATTEMPT);
    attempt.deliveryId = delivery.id;
    attempt.tenant = delivery.tenant;
    attempt.attemptNumber = delivery.attemptCount;
    attempt.startedAt = result.startedAt();
    attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, result.durationMs());
    attempt.requestMethod = result.method();
    attempt.requestUrl = result.url();
    attempt.requestHeaders = HeaderRedaction.redact(result.requestHeaders());
    attempt.requestBody = result.requestBody();
    attempt.responseStatus = result.status();
    attempt.responseHeaders = HeaderRedaction.redact(result.responseHeaders());
    attempt.responseBody = result.responseBody();
    attempt.outcome = result.succeeded() ? "SUCCEEDED" : "FAILED";
    attempt.errorClass = result.errorClass() == null ? null : result.errorClass().name();
    attempt.errorDetail = result.errorDetail();
    attempt.replayId = delivery.replayId;
    return attempt;
  }
}
