package io.hookyard.delivery.delivery;

import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.destination.DestinationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides what an attempt means. A status in the destination's success codes delivers. Otherwise
 * the next wait comes from the retry schedule (the destination's own or the default), multiplied by
 * the penalty after a 429, a 503 or a timeout, and never shorter than a {@code Retry-After} the
 * destination sent (seconds or an HTTP date), which is itself capped. A 410 Gone also pauses the
 * destination. When the schedule is spent, the delivery is dead.
 */
@ApplicationScoped
public class FailurePolicy {
  private final DeliveryConfig config;
  private final RetrySchedule defaultSchedule;
  private final Clock clock;

  public FailurePolicy(DeliveryConfig config, Clock clock) {
    this.config = config;
    this.defaultSchedule = new RetrySchedule(config.retrySchedule(), config.jitter());
    this.clock = clock;
  }

  public AttemptDecision decide(
      AttemptResult result, DestinationSettings destination, int attemptsMade) {
    return decide(result, destination, attemptsMade, null);
  }

  /**
   * As {@link #decide(AttemptResult, DestinationSettings, int)}, with a step's own retry waits
   * (null for the destination's).
   */
  public AttemptDecision decide(
      AttemptResult result,
      DestinationSettings destination,
      int attemptsMade,
      java.util.List<Duration> stepWaits) {
    Integer status = result.status();
    if (status != null && destination.successCodes().contains(status)) {
      return new AttemptDecision(AttemptDecision.Verdict.SUCCEEDED, null, null);
    }
    String pauseReason =
        status != null && status == 410
            ? "The destination answered 410 Gone: it no longer accepts deliveries."
            : null;
    RetrySchedule schedule =
        stepWaits == null ? schedule(destination) : new RetrySchedule(stepWaits, config.jitter());
    Optional<Duration> scheduled = schedule.waitAfter(attemptsMade, RandomGenerator.getDefault());
    if (scheduled.isEmpty()) {
      return new AttemptDecision(AttemptDecision.Verdict.DEAD, null, pauseReason);
    }
    Duration wait = scheduled.get();
    if (deservesPenalty(result)) {
      wait = Duration.ofMillis(Math.round(wait.toMillis() * config.penaltyFactor()));
    }
    Duration asked = retryAfter(result.responseHeader("retry-after"));
    if (asked != null) {
      Duration bounded =
          asked.compareTo(config.retryAfterMax()) > 0 ? config.retryAfterMax() : asked;
      wait = bounded.compareTo(wait) > 0 ? bounded : wait;
    }
    return new AttemptDecision(AttemptDecision.Verdict.RETRY, wait, pauseReason);
  }

  private RetrySchedule schedule(DestinationSettings destination) {
    return destination.retryWaits() == null
        ? defaultSchedule
        : new RetrySchedule(destination.retryWaits(), config.jitter());
  }

  static boolean deservesPenalty(AttemptResult result) {
    Integer status = result.status();
    return (status != null && (status == 429 || status == 503))
        || result.errorClass() == AttemptResult.ErrorClass.TIMEOUT;
  }

  /** A {@code Retry-After} value as a wait from now: delta-seconds or an HTTP date; else null. */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.matches("\\d{1,10}")) {
      return Duration.ofSeconds(Long.parseLong(trimmed));
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
