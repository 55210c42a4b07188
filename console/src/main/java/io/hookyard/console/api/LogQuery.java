package io.hookyard.console.api;

import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A search of the delivery log. The console's own pages take the same query parameters as the API,
 * so a page's address is its filter, and the filter form, the API call and the links agree.
 */
public class LogQuery {
  @QueryParam("since")
  public String since;

  @QueryParam("until")
  public String until;

  @QueryParam("status")
  public String status;

  @QueryParam("responseCode")
  public String responseCode;

  @QueryParam("deliveryId")
  public String deliveryId;

  @QueryParam("eventType")
  public String eventType;

  @QueryParam("destinationId")
  public String destinationId;

  @QueryParam("subscriptionId")
  public String subscriptionId;

  @QueryParam("cursor")
  public String cursor;

  @QueryParam("limit")
  public Integer limit;

  /**
   * Whether a bulk replay can take exactly this filter. delivery-service replays by time, type,
   * destination, subscription and status; by response code or one request id it cannot, and a
   * replay that silently dropped them would replay more than the page shows.
   */
  public boolean replayableAsFiltered() {
    return blank(responseCode) && blank(deliveryId);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The filters that are set, by parameter name (no cursor, no limit). */
  public Map<String, String> filters() {
    Map<String, String> set = new LinkedHashMap<>();
    put(set, "since", since);
    put(set, "until", until);
    put(set, "status", status);
    put(set, "responseCode", responseCode);
    put(set, "deliveryId", deliveryId);
    put(set, "eventType", eventType);
    put(set, "destinationId", destinationId);
    put(set, "subscriptionId", subscriptionId);
    return set;
  }

  /** Empty form fields mean "no filter", not "match the empty string". */
  public LogQuery normalized() {
    LogQuery q = new LogQuery();
    q.since = blankToNull(since);
    q.until = blankToNull(until);
    q.status = blankToNull(status);
    q.responseCode = blankToNull(responseCode);
    q.deliveryId = blankToNull(deliveryId);
    q.eventType = blankToNull(eventType);
    q.destinationId = blankToNull(destinationId);
    q.subscriptionId = blankToNull(subscriptionId);
    q.cursor = blankToNull(cursor);
    q.limit = limit;
    return q;
  }

  private static void put(Map<String, String> map, String name, String value) {
    if (value != null && !value.isBlank()) {
      map.put(name, value);
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
