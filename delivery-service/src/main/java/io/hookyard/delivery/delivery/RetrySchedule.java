package io.hookyard.delivery.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again: a list of waits (the first before attempt 1), each varied at random by up to
 * {@code jitter} either way so that retries of many deliveries do not arrive together.
 */
public record RetrySchedule(List<Duration> waits, double jitter) {

  /** The wait before the next attempt after {@code attemptsMade} attempts, or empty when spent. */
  public Optional<Duration> waitAfter(int attemptsMade, RandomGenerator random) {
    if (attemptsMade >= waits.size()) {
      return Optional.empty();
    }
    Duration base = waits.get(attemptsMade);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
  }

  public int maxAttempts() {
    return waits.size();
  }
}
