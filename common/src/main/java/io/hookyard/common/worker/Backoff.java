package io.hookyard.common.worker;

import java.time.Duration;

/** Exponential backoff for relays that hand work to a peer service. */
public record Backoff(Duration initial, Duration max) {

  /** The wait before try number {@code attempts + 1}: initial, doubling, capped at max. */
  public Duration after(int attempts) {
    long factor = 1L << Math.clamp(attempts - 1, 0, 20);
    Duration wait = initial.multipliedBy(factor);
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
