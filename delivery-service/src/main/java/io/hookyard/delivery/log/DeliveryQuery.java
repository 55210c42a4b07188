package io.hookyard.delivery.log;

import jakarta.ws.rs.QueryParam;

/**
 * The delivery log's search parameters. Every one is optional and taken as text, so that a bad
 * value gets a 400 problem that names it.
 */
public class DeliveryQuery {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  /** One status or several, comma-separated, in any case: {@code dead}, {@code failing,dead}. */
  @QueryParam("status")
  public String status;

  /** The status of the latest response, exact ({@code 503}) or by class ({@code 5xx}). */
  @QueryParam("responseCode")
  public String responseCode;

  /** One delivery: the id receivers see as {@code webhook-id}. */
  @QueryParam("deliveryId")
  public String deliveryId;

  @QueryParam("eventType")
  public String eventType;

  @QueryParam("eventId")
  public String eventId;

  @QueryParam("destinationId")
  public String destinationId;

  @QueryParam("subscriptionId")
  public String subscriptionId;

  /** {@code true}: only deliveries of mock sends; {@code false}: only those of real events. */
  @QueryParam("mock")
  public String mock;

  /** Only deliveries created at or after this instant. */
  @QueryParam("since")
  public String since;

  /** Only deliveries created before this instant. */
  @QueryParam("until")
  public String until;

  /** The {@code nextCursor} of the previous page. */
  @QueryParam("cursor")
  public String cursor;

  @QueryParam("limit")
  public String limit;

  /** The validated search; a 400 problem names every bad parameter. */
  LogSearch toSearch() {
    QueryParameters parameters = new QueryParameters();
    DeliveryFilter filter =
        new DeliveryFilter(
            parameters.instant("since", since),
            parameters.instant("until", until),
            parameters.statuses("status", status),
            parameters.id("deliveryId", deliveryId),
            parameters.id("eventId", eventId),
            parameters.id("eventType", eventType),
            parameters.id("destinationId", destinationId),
            parameters.id("subscriptionId", subscriptionId),
            parameters.responseCodes("responseCode", responseCode),
            parameters.bool("mock", mock));
    parameters.requireOrder("since", filter.since(), "until", filter.until());
    LogCursor position = null;
    if (cursor != null) {
      position = LogCursor.decode(cursor).orElse(null);
      if (position == null) {
        parameters.error("cursor", "is not a cursor this log handed out");
      }
    }
    int pageSize = parameters.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
    parameters.check();
    return new LogSearch(filter, position, pageSize);
  }

  /** A validated search: which deliveries, from where, how many. */
  record LogSearch(DeliveryFilter filter, LogCursor after, int limit) {}
}
