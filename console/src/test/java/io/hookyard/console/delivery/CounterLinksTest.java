package io.hookyard.console.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterLinksTest {

  @Test
  void eachCounterKeepsTheFiltersAndSetsItsOwnStatus() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("since", "2026-11-01T00:00");
    filters.put("status", "failing");
    filters.put("eventType", "fleet.host");

    DeliveryPages.CounterLinks links =
        DeliveryPages.CounterLinks.of("/console/acme/deliveries", filters);

    assertEquals(
        "/console/acme/deliveries?since=2026-11-01T00%3A00&eventType=fleet.host", links.all());
    assertEquals(
        "/console/acme/deliveries?since=2026-11-01T00%3A00&eventType=fleet.host&status=dead",
        links.dead());
    assertEquals(
        "/console/acme/deliveries?since=2026-11-01T00%3A00&eventType=fleet.host&status=succeeded",
        links.succeeded());
    assertEquals("failing", filters.get("status"), "the page's own filters are left alone");
  }
}
