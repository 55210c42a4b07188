package io.hookyard.console.api;

import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
   * The body of a bulk replay of exactly this filter, over the time range the page resolved ({@code
   * since} is required by the API). delivery-service replays by every criterion the log filters by,
   * so what is replayed is what the page shows, in the statuses a replay may take.
   */
  public Map<String, Object> replayCriteria(String sinceText, String untilText) {
    LogQuery q = normalized();
    Map<String, Object> criteria = new LinkedHashMap<>();
    criteria.put("since", sinceText);
    put(criteria, "until", untilText);
    put(criteria, "eventType", q.eventType);
    put(criteria, "destinationId", q.destinationId);
    put(criteria, "subscriptionId", q.subscriptionId);
    put(criteria, "responseCode", q.responseCode);
    put(criteria, "deliveryId", q.deliveryId);
    if (q.status != null) {
      List<String> statuses =
          Arrays.stream(q.status.split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .map(s -> s.toLowerCase(Locale.ROOT))
              .toList();
      criteria.put("statuses", statuses);
      criteria.put("includeSucceeded", statuses.contains("succeeded"));
    }
    return criteria;
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

  private static void put(Map<String, ? super String> map, String name, String value) {
    if (value != null && !value.isBlank()) {
      map.put(name, value);
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
