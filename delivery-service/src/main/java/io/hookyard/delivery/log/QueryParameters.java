package io.hookyard.delivery.log;

import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.delivery.delivery.DeliveryStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads query parameters as text and collects what is wrong with them, so that a bad value is
 * answered with a 400 problem naming every bad parameter, never with the 404 that JAX-RS gives a
 * query parameter it cannot convert.
 */
final class QueryParameters {
  private static final int MAX_ID_LENGTH = 200;

  private final List<Problem.FieldError> errors = new ArrayList<>();

  Instant instant(String name, String value) {
    return parse(
        name, value, Instant::parse, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
  }

  /** One status or several, comma-separated, in any case: {@code dead}, {@code DEAD,FAILING}. */
  Set<DeliveryStatus> statuses(String name, String value) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
    for (String part : value.split(",")) {
      DeliveryStatus status =
          parse(
              name,
              part.trim(),
              text -> DeliveryStatus.valueOf(text.toUpperCase(Locale.ROOT)),
              "must be one or more of pending, failing, succeeded, dead, comma-separated");
      if (status != null) {
        statuses.add(status);
      }
    }
    return statuses;
  }

  DeliveryFilter.ResponseCodes responseCodes(String name, String value) {
    return parse(
        name,
        value,
        DeliveryFilter.ResponseCodes::parseInput,
        DeliveryFilter.ResponseCodes.EXPECTED);
  }

  /** {@code true} or {@code false}, in any case. */
  Boolean bool(String name, String value) {
    return parse(
        name,
        value,
        text -> {
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
          }
          throw new IllegalArgumentException("not a boolean");
        },
        "must be true or false");
  }

  String id(String name, String value) {
    if (value != null && (value.isBlank() || value.length() > MAX_ID_LENGTH)) {
      errors.add(new Problem.FieldError(name, "must be 1 to " + MAX_ID_LENGTH + " characters"));
      return null;
    }
    return value;
  }

  int limit(String name, String value, int defaultLimit, int maxLimit) {
    Integer limit = parse(name, value, Integer::valueOf, "must be a whole number");
    if (limit == null) {
      return defaultLimit;
    }
    if (limit < 1 || limit > maxLimit) {
      errors.add(new Problem.FieldError(name, "must be between 1 and " + maxLimit));
    }
    return limit;
  }

  void requireOrder(String sinceName, Instant since, String untilName, Instant until) {
    if (since != null && until != null && !since.isBefore(until)) {
      errors.add(new Problem.FieldError(untilName, "must be after " + sinceName));
    }
  }

  void error(String name, String message) {
    errors.add(new Problem.FieldError(name, message));
  }

  /** Throws a 400 problem listing every bad parameter, if there is any. */
  void check() {
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.of(400, "invalid-query", "Bad request", "The query has invalid parameters.")
              .withErrors(List.copyOf(errors)));
    }
  }

  private <T> T parse(String name, String value, Function<String, T> parser, String message) {
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value.trim());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      errors.add(new Problem.FieldError(name, message));
      return null;
    }
  }
}
