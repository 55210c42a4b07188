package io.hookyard.delivery.log;

import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** The summary's parameters: period, time range and the dimensions it may be narrowed to. */
public class SummaryQuery {
  static final int MAX_PERIODS = 1000;

  /** {@code hour} or {@code day} (the default); periods are UTC hours or days. */
  @QueryParam("period")
  public String period;

  /** Defaults to one day (hourly) or thirty days (daily) before {@code until}. */
  @QueryParam("since")
  public String since;

  /** Defaults to now. */
  @QueryParam("until")
  public String until;

  @QueryParam("eventType")
  public String eventType;

  @QueryParam("destinationId")
  public String destinationId;

  @QueryParam("subscriptionId")
  public String subscriptionId;

  /** The validated summary request; a 400 problem names every bad parameter. */
  SummaryRequest toRequest(Clock clock) {
    QueryParameters parameters = new QueryParameters();
    Period unit = Period.DAY;
    if (period != null) {
      try {
        unit = Period.valueOf(period.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        parameters.error("period", "must be hour or day");
      }
    }
    Instant to = parameters.instant("until", until);
    to = to == null ? clock.instant() : to;
    Instant from = parameters.instant("since", since);
    from = from == null ? to.minus(unit.defaultRange) : from;
    parameters.requireOrder("since", from, "until", to);
    if (from.isBefore(to) && unit.periodsBetween(from, to) > MAX_PERIODS) {
      parameters.error(
          "since", "the range may span at most " + MAX_PERIODS + " periods of one " + unit.sql);
    }
    DeliveryFilter filter =
        DeliveryFilter.created(
            from,
            to,
            Set.of(),
            parameters.id("eventType", eventType),
            parameters.id("destinationId", destinationId),
            parameters.id("subscriptionId", subscriptionId));
    parameters.check();
    return new SummaryRequest(unit, filter);
  }

  /** A validated summary request. */
  record SummaryRequest(Period period, DeliveryFilter filter) {}

  /** The length of a summary period. */
  public enum Period {
    HOUR("hour", Duration.ofHours(1), Duration.ofDays(1)),
    DAY("day", Duration.ofDays(1), Duration.ofDays(30));

    final String sql;
    final Duration length;
    final Duration defaultRange;

    Period(String sql, Duration length, Duration defaultRange) {
      this.sql = sql;
      this.length = length;
      this.defaultRange = defaultRange;
    }

    /** The start of the UTC period that holds {@code instant}. */
    Instant startOf(Instant instant) {
      long seconds = length.toSeconds();
      return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
    }

    long periodsBetween(Instant from, Instant to) {
      return Duration.between(startOf(from), to).toSeconds() / length.toSeconds() + 1;
    }
  }
}
