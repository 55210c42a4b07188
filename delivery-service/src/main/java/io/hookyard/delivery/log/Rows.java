package io.hookyard.delivery.log;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads values of native query rows, whatever Java type the driver chose for them. */
final class Rows {
  private Rows() {}

  static Instant instant(Object value) {
    return switch (value) {
      case null -> null;
      case Instant instant -> instant;
      case OffsetDateTime offset -> offset.toInstant();
      case Timestamp timestamp -> timestamp.toInstant();
      default -> throw new IllegalStateException("Not a time: " + value.getClass());
    };
  }

  static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  static long count(Object value) {
    return ((Number) value).longValue();
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
