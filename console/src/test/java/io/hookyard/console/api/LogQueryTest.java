package io.hookyard.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogQueryTest {

  @Test
  void aBulkReplayTakesTheWholeFilterIncludingResponseCodeAndRequestId() {
    LogQuery query = new LogQuery();
    query.since = "2026-11-01T00:00";
    query.status = "Dead, succeeded";
    query.eventType = "fleet.host";
    query.destinationId = "dst_1";
    query.subscriptionId = "sub_1";
    query.responseCode = " 5xx ";
    query.deliveryId = "dlv_1";

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("since", "2026-11-01T00:00:00Z");
    expected.put("until", "2026-11-02T00:00:00Z");
    expected.put("eventType", "fleet.host");
    expected.put("destinationId", "dst_1");
    expected.put("subscriptionId", "sub_1");
    expected.put("responseCode", "5xx");
    expected.put("deliveryId", "dlv_1");
    expected.put("statuses", List.of("dead", "succeeded"));
    expected.put("includeSucceeded", true);
    assertEquals(expected, query.replayCriteria("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"));
  }

  @Test
  void filtersThatAreNotSetAreNotSent() {
    LogQuery query = new LogQuery();
    query.responseCode = " ";
    query.deliveryId = "";

    Map<String, Object> criteria = query.replayCriteria("2026-11-01T00:00:00Z", null);
    assertEquals(Map.of("since", "2026-11-01T00:00:00Z"), criteria);
    assertFalse(criteria.containsKey("includeSucceeded"));
  }
}
