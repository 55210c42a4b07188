package io.hookyard.delivery.log;

import io.hookyard.delivery.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Which deliveries of a tenant a search, a summary or a replay is about. Every part is optional;
 * the time range is on {@code created_at}, from {@code since} (inclusive) to {@code until}
 * (exclusive); {@code mock} keeps only mock sends (true) or only real events (false).
 */
public record DeliveryFilter(
    Instant since,
    Instant until,
    Set<DeliveryStatus> statuses,
    String deliveryId,
    String eventId,
    String eventType,
    String destinationId,
    String subscriptionId,
    ResponseCodes responseCodes,
    Boolean mock) {

  public DeliveryFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  /** Just one delivery. */
  public static DeliveryFilter delivery(String deliveryId) {
    return new DeliveryFilter(null, null, null, deliveryId, null, null, null, null, null, null);
  }

  /** Deliveries created in a time range, in some statuses, narrowed by whatever is not null. */
  public static DeliveryFilter created(
      Instant since,
      Instant until,
      Set<DeliveryStatus> statuses,
      String eventType,
      String destinationId,
      String subscriptionId) {
    return new DeliveryFilter(
        since, until, statuses, null, null, eventType, destinationId, subscriptionId, null, null);
  }

  /**
   * The conditions on table {@code delivery}, as native SQL for a tenant. Callers add their own
   * conditions (cursor, lease) to the result.
   */
  public SqlWhere where(String tenant) {
    SqlWhere where = new SqlWhere().and("tenant = :tenant", "tenant", tenant);
    if (since != null) {
      where.and("created_at >= :since", "since", since);
    }
    if (until != null) {
      where.and("created_at < :until", "until", until);
    }
    if (!statuses.isEmpty()) {
      where.and(
          "status in (:statuses)",
          "statuses",
          statuses.stream().map(DeliveryStatus::name).sorted().toList());
    }
    where.andEqual("id", "deliveryId", deliveryId);
    where.andEqual("event_id", "eventId", eventId);
    where.andEqual("event_type", "eventType", eventType);
    where.andEqual("destination_id", "destinationId", destinationId);
    where.andEqual("subscription_id", "subscriptionId", subscriptionId);
    if (mock != null) {
      where.and(mock ? "mock" : "not mock");
    }
    if (responseCodes != null) {
      where.and("last_response_status >= :codeFrom", "codeFrom", responseCodes.from());
      where.and("last_response_status <= :codeTo", "codeTo", responseCodes.to());
    }
    return where;
  }

  /** A response status ({@code 503}) or a class of them ({@code 5xx}), as a closed range. */
  public record ResponseCodes(int from, int to) {
    /** What is wrong with a value {@link #parseInput} refuses, to show next to its name. */
    public static final String EXPECTED =
        "must be an HTTP status such as 503, or a class such as 5xx";

    /**
     * A value as a caller writes it, in any case and with blanks around it; throws {@link
     * IllegalArgumentException} when it is neither a status nor a class.
     */
    public static ResponseCodes parseInput(String text) {
      return parse(canonical(text));
    }

    /** The text of a valid value as it is kept and compared: trimmed, lower case ({@code 5xx}). */
    public static String canonical(String text) {
      return text.trim().toLowerCase(Locale.ROOT);
    }

    public static ResponseCodes parse(String text) {
      if (text.matches("[1-5]xx")) {
        int hundreds = (text.charAt(0) - '0') * 100;
        return new ResponseCodes(hundreds, hundreds + 99);
      }
      if (text.matches("[1-5][0-9][0-9]")) {
        int code = Integer.parseInt(text);
        return new ResponseCodes(code, code);
      }
      throw new IllegalArgumentException("not a status code");
    }
  }
}
