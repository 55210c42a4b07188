package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.ManagementClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Management calls the action tests make: credentials, destinations, subscriptions, the log. */
record ActionWiring(ManagementClient admin, String tenant, String suffix) {
  static final ObjectMapper JSON = new ObjectMapper();

  static ActionWiring of(ManagementClient admin, String tenant) {
    return new ActionWiring(admin, tenant, UUID.randomUUID().toString().substring(0, 8));
  }

  /** A unique name for this test's things. */
  String name(String base) {
    return base + "-" + suffix;
  }

  JsonNode post(HookyardService service, String path, Object body) {
    HttpResponse<String> response =
        admin.call(service, "POST", "/api/v1/tenants/" + tenant + path, json(body));
    assertEquals(201, response.statusCode(), response.body());
    return read(response.body());
  }

  JsonNode source(String vendor) {
    return post(
        HookyardService.RECEIVER, "/sources", Map.of("name", name(vendor), "vendor", vendor));
  }

  String credential(Map<String, Object> body) {
    return post(HookyardService.DELIVERY, "/credentials", body).path("id").asText();
  }

  String destination(String name, String url, Map<String, Object> settings) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(settings);
    body.put("name", name(name));
    body.put("url", url);
    return post(HookyardService.DELIVERY, "/destinations", body).path("id").asText();
  }

  String subscription(Map<String, Object> body) {
    Map<String, Object> named = new java.util.LinkedHashMap<>(body);
    named.put("name", name("sub"));
    return post(HookyardService.RULES, "/subscriptions", named).path("id").asText();
  }

  /** The delivery's log entry once {@code status}; fails after 60 s. */
  JsonNode awaitDelivery(String deliveryId, String status) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    JsonNode entry = null;
    while (Instant.now().isBefore(deadline)) {
      entry = admin.delivery(tenant, deliveryId);
      if (status.equals(entry.path("status").asText())) {
        return entry;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("delivery " + deliveryId + " is not " + status + ": " + entry);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
