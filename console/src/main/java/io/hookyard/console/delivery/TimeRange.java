package io.hookyard.console.delivery;

import io.hookyard.console.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The time range of a log page. The form's {@code datetime-local} fields are read as UTC (the page
 * says so); full ISO instants are accepted too, so links and the API agree.
 */
public record TimeRange(Instant since, Instant until) {
  static final Duration DEFAULT = Duration.ofHours(24);
  private static final Duration HOURLY_UP_TO = Duration.ofDays(3);

  /** The range a page shows: what the user asked for, else the last day. */
  static TimeRange of(String since, String until, Instant now) {
    Instant to = parse(until);
    Instant end = to == null ? now : to;
    Instant from = parse(since);
    return new TimeRange(from == null ? end.minus(DEFAULT) : from, to);
  }

  /** A time as the user typed it, or null when empty; a 400 problem when it is not a time. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        throw new ApiException(
            400, "Bad filter", "'" + value + "' is not a date and time.", List.of());
      }
    }
  }

  /** Hours for up to three days, days beyond. */
  String period(Instant now) {
    Instant end = until == null ? now : until;
    return Duration.between(since, end).compareTo(HOURLY_UP_TO) <= 0 ? "hour" : "day";
  }

  String sinceText() {
    return since.toString();
  }

  String untilText() {
    return until == null ? null : until.toString();
  }
}
