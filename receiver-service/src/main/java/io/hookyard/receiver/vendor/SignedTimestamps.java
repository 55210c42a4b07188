package io.hookyard.receiver.vendor;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The unix-seconds timestamp a vendor signs next to the body. The signature only stops replays when
 * the timestamp is also held against our clock, and vendors differ on how much skew they allow and
 * on whether a timestamp from the future is suspicious, so each adapter picks its window.
 */
final class SignedTimestamps {
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private SignedTimestamps() {}

  /** The timestamp in {@code header}; a value that is no number of seconds is refused. */
  static Instant parse(String header, String value) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(value.trim()));
    } catch (NumberFormatException | DateTimeException e) {
      throw new VerificationFailure(
          "malformed-timestamp", "The " + header + " timestamp is not a number of seconds.");
    }
  }

  /** Refuses a timestamp older than {@code tolerance}; exactly {@code tolerance} passes. */
  static void requireNotOlder(Instant signedAt, Duration tolerance, Clock clock) {
    if (Duration.between(signedAt, now(clock)).compareTo(tolerance) > 0) {
      throw new VerificationFailure(
          "timestamp-too-old", "The signed timestamp is older than " + tolerance + ".");
    }
  }

  /** Refuses a timestamp more than {@code tolerance} from now, in either direction. */
  static void requireWithin(Instant signedAt, Duration tolerance, Clock clock) {
    requireNotOlder(signedAt, tolerance, clock);
    if (Duration.between(now(clock), signedAt).compareTo(tolerance) > 0) {
      throw new VerificationFailure(
          "timestamp-in-future", "The signed timestamp is ahead by more than " + tolerance + ".");
    }
  }

  // Vendor libraries compare whole seconds, so a clock at 12:00:00.9 must not fail a boundary case.
  private static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
