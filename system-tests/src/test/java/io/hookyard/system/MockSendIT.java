package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mock send takes a vendor sample through the real services to a real destination, and the
 * delivery log shows it as mock.
 */
@ExtendWith(SystemStack.class)
class MockSendIT {
  static final String TENANT = "acme";
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aMockReachesTheDestinationAndIsMarkedMockInTheLog() throws Exception {
    HookyardStack stack = SystemStack.get();
    ManagementClient alice = stack.as("alice");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    try (RecordingServer sink = RecordingServer.start()) {
      String sourceId = alice.createSource(TENANT, "mock-" + suffix).path("id").asText();
      String destinationId =
          alice
              .createDestination(TENANT, "mock-sink-" + suffix, sink.url() + "/in")
              .path("id")
              .asText();
      // Only this source's events: other tests' generic sources send the same type.
      HttpResponse<String> subscribed =
          alice.call(
              HookyardService.RULES,
              "POST",
              "/api/v1/tenants/" + TENANT + "/subscriptions",
              JSON.writeValueAsString(
                  Map.of(
                      "name",
                      "mock-" + suffix,
                      "eventTypes",
                      List.of("generic.event"),
                      "sources",
                      List.of(sourceId),
                      "destinationId",
                      destinationId)));
      assertEquals(201, subscribed.statusCode(), subscribed.body());

      HttpResponse<String> mocked =
          alice.call(
              HookyardService.RECEIVER,
              "POST",
              "/api/v1/tenants/" + TENANT + "/sources/" + sourceId + "/mock",
              "{\"type\":\"generic.event\"}");
      assertEquals(202, mocked.statusCode(), mocked.body());
      String eventId = JSON.readTree(mocked.body()).path("eventId").asText();

      RecordingServer.Recorded delivered =
          sink.await(r -> r.bodyText().contains(eventId), 1, Duration.ofSeconds(30)).getFirst();
      JsonNode event = JSON.readTree(delivered.body());
      assertEquals("generic.event", event.path("type").asText());
      assertTrue(event.path("mock").asBoolean(), event.toString());
      String deliveryId = delivered.header("webhook-id");

      JsonNode mocks = awaitInLog(alice, Map.of("mock", "true", "destinationId", destinationId));
      assertEquals(deliveryId, mocks.path("items").get(0).path("id").asText());
      assertTrue(mocks.path("items").get(0).path("mock").asBoolean());
      JsonNode real =
          alice.deliveries(TENANT, Map.of("mock", "false", "destinationId", destinationId));
      assertFalse(real.path("items").elements().hasNext(), real.toString());
    }
  }

  private static JsonNode awaitInLog(ManagementClient client, Map<String, String> query)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      JsonNode page = client.deliveries(TENANT, query);
      if (page.path("items").elements().hasNext() || Instant.now().isAfter(deadline)) {
        return page;
      }
      Thread.sleep(200);
    }
  }
}
