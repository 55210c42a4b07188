package io.hookyard.delivery.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * delivery-service's own metrics on {@code /q/metrics}: attempts by outcome, attempt latency, the
 * wait from due to sent, and the queue's depth and the age of its oldest pending delivery (read
 * from the database every few seconds, the same on every instance).
 */
@ApplicationScoped
public class DeliveryMetrics {
  private final MeterRegistry registry;
  private final Clock clock;
  private final Timer attemptDuration;
  private final Timer dueToSent;
  private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
  private final Map<DeadReason, Counter> deadLetters = new java.util.EnumMap<>(DeadReason.class);
  private final AtomicLong depth = new AtomicLong();
  private volatile Instant oldestPending;

  public DeliveryMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.attemptDuration =
        Timer.builder("hookyard.delivery.attempt.duration")
            .description("How long destinations took to answer an attempt")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofMinutes(2))
            .register(registry);
    this.dueToSent =
        Timer.builder("hookyard.delivery.due.to.sent")
            .description("From when a delivery fell due to when its attempt started")
            .publishPercentileHistogram()
            .register(registry);
    Gauge.builder("hookyard.delivery.queue.depth", depth, AtomicLong::get)
        .description("Deliveries waiting (pending or failing)")
        .register(registry);
    // One counter per reason from the start, so an alert's increase is 0 rather than missing.
    for (DeadReason reason : DeadReason.values()) {
      deadLetters.put(
          reason,
          Counter.builder("hookyard.delivery.dead.letters")
              .description("Deliveries that became dead letters, by reason")
              .tag("reason", reason.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    Gauge.builder("hookyard.delivery.oldest.pending.age.seconds", this, DeliveryMetrics::oldestAge)
        .description("Age of the oldest delivery not attempted yet, in seconds")
        .register(registry);
  }

  void attempted(AttemptResult result, AttemptDecision decision, Claim claim) {
    String outcome =
        decision.succeeded()
            ? "succeeded"
            : result.errorClass() == null
                ? "http_error"
                : result.errorClass().name().toLowerCase(Locale.ROOT);
    attempts
        .computeIfAbsent(
            outcome,
            key ->
                Counter.builder("hookyard.delivery.attempts")
                    .description("Attempts by outcome")
                    .tag("outcome", key)
                    .register(registry))
        .increment();
    if (decision.verdict() == AttemptDecision.Verdict.DEAD) {
      deadLettered(DeadReason.SCHEDULE_EXHAUSTED, 1);
    }
    attemptDuration.record(Duration.ofMillis(result.durationMs()));
    if (claim.dueAt() != null) {
      Duration lag = Duration.between(claim.dueAt(), result.startedAt());
      dueToSent.record(lag.isNegative() ? Duration.ZERO : lag);
    }
  }

  /** Counts deliveries that became dead letters (their change is committed). */
  void deadLettered(DeadReason reason, int count) {
    deadLetters.get(reason).increment(count);
  }

  void queue(DeliveryQueue.Depth measured) {
    depth.set(measured.waiting());
    oldestPending = measured.oldestPendingCreatedAt();
  }

  private double oldestAge() {
    Instant oldest = oldestPending;
    return oldest == null
        ? 0
        : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }
}
