package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The first real flow through the three packaged services, with a real Keycloak and PostgreSQL. */
@ExtendWith(SystemStack.class)
class FoundationIT {
  static final String TENANT = "acme";
  static final ObjectMapper JSON = new ObjectMapper();

  HookyardStack stack;
  ManagementClient alice;
  RecordingServer sink;
  String eventType;
  String hookUrl;
  String sourceToken;
  String sourceId;

  @BeforeEach
  void wireASourceToASink() {
    stack = SystemStack.get();
    alice = stack.as("alice");
    Wiring wiring = Wiring.create(alice, TENANT);
    sink = wiring.sink();
    eventType = wiring.eventType();
    hookUrl = wiring.hookUrl();
    sourceToken = wiring.sourceSecret();
    sourceId = wiring.sourceId();
  }

  @AfterEach
  void stopSink() {
    sink.close();
  }

  @Test
  void anEventGoesFromPostToTheSinkAndIntoTheDeliveryLog() throws Exception {
    HttpResponse<String> accepted =
        ManagementClient.postEvent(
            hookUrl, sourceToken, "{\"type\":\"" + eventType + "\",\"device\":\"mac-1\"}");
    assertEquals(202, accepted.statusCode(), accepted.body());
    String eventId = JSON.readTree(accepted.body()).path("id").asText();

    RecordingServer.Recorded delivered =
        sink.await(r -> true, 1, Duration.ofSeconds(30)).getFirst();
    JsonNode body = JSON.readTree(delivered.body());
    assertEquals(eventId, body.path("id").asText());
    assertEquals(eventType, body.path("type").asText());
    assertEquals("1.0", body.path("specversion").asText());
    assertEquals(TENANT, body.path("tenant").asText());
    assertEquals("mac-1", body.path("data").path("device").asText());
    String deliveryId = delivered.header("webhook-id");

    JsonNode entry = awaitDeliveryStatus(deliveryId, "SUCCEEDED");
    assertEquals(eventId, entry.path("eventId").asText());
    assertEquals(1, entry.path("attemptCount").asInt());
    JsonNode attempt = entry.path("attempts").get(0);
    assertEquals(200, attempt.path("response").path("status").asInt());
    assertEquals(sink.url() + "/in", attempt.path("request").path("url").asText());
    assertEquals(
        "mac-1",
        JSON.readTree(attempt.path("request").path("body").asText())
            .path("data")
            .path("device")
            .asText());
  }

  @Test
  void eventsAcceptedWhileRulesServiceIsDeadAllArriveExactlyOnceAfterItsRestart() throws Exception {
    stack.kill(HookyardService.RULES);
    List<String> eventIds = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        HttpResponse<String> accepted =
            ManagementClient.postEvent(
                hookUrl, sourceToken, "{\"type\":\"" + eventType + "\",\"n\":" + i + "}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        eventIds.add(JSON.readTree(accepted.body()).path("id").asText());
      }
      assertEquals(
          0, sink.requests().size(), "nothing can be delivered while rules-service is dead");
    } finally {
      stack.restart(HookyardService.RULES);
    }

    sink.await(r -> true, 100, Duration.ofSeconds(60));
    // Give any duplicate the time to show up before counting.
    Thread.sleep(2000);
    Map<String, Integer> perEvent = new HashMap<>();
    Set<String> webhookIds = new HashSet<>();
    for (RecordingServer.Recorded request : sink.requests()) {
      perEvent.merge(JSON.readTree(request.body()).path("id").asText(), 1, Integer::sum);
      webhookIds.add(request.header("webhook-id"));
    }
    assertEquals(new HashSet<>(eventIds), perEvent.keySet(), "every accepted event arrived");
    assertTrue(
        perEvent.values().stream().allMatch(count -> count == 1), "each exactly once: " + perEvent);
    assertEquals(100, webhookIds.size());
  }

  @Test
  void badInputGetsTheRightProblemAndStoresNothing() throws Exception {
    assertProblem(ManagementClient.postEvent(hookUrl, sourceToken, "{\"broken\":"), 400);
    assertProblem(
        ManagementClient.postEvent(
            hookUrl.replace("/hooks/acme/", "/hooks/no-such-tenant/"), sourceToken, "{}"),
        404);
    assertProblem(ManagementClient.postEvent(hookUrl, "hyk_not-the-token", "{}"), 401);
    char[] twoMiB = new char[2 * 1024 * 1024];
    Arrays.fill(twoMiB, ' ');
    twoMiB[0] = '{';
    twoMiB[twoMiB.length - 1] = '}';
    assertProblem(ManagementClient.postEvent(hookUrl, sourceToken, new String(twoMiB)), 413);

    assertEquals(0, storedEvents(), "a refused request stores nothing");
    Thread.sleep(500);
    assertEquals(0, sink.requests().size());
  }

  @Test
  void theManagementApiWantsATokenOfTheTenantWithTheRightRole() {
    String path = "/api/v1/tenants/acme/sources";
    assertEquals(401, anonymous(path).statusCode());
    HttpResponse<String> otherTenant =
        stack.as("bob").call(HookyardService.RECEIVER, "GET", path, null);
    assertProblem(otherTenant, 404);
    HttpResponse<String> viewerWrites =
        stack.as("victor").call(HookyardService.RECEIVER, "POST", path, "{\"name\":\"nope\"}");
    assertProblem(viewerWrites, 403);
    HttpResponse<String> viewerReads =
        stack
            .as("victor")
            .call(HookyardService.DELIVERY, "GET", "/api/v1/tenants/acme/deliveries", null);
    assertEquals(200, viewerReads.statusCode());
  }

  private HttpResponse<String> anonymous(String path) {
    return io.hookyard.stack.ManagementClient.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stack.url(HookyardService.RECEIVER) + path))
            .GET()
            .build());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("content-type").orElse("").split(";")[0]);
  }

  private long storedEvents() throws SQLException {
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from receiver.event where source_id = ?")) {
      count.setString(1, sourceId);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private JsonNode awaitDeliveryStatus(String deliveryId, String status)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    JsonNode entry = null;
    while (Instant.now().isBefore(deadline)) {
      entry = alice.delivery(TENANT, deliveryId);
      if (status.equals(entry.path("status").asText())) {
        return entry;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("delivery " + deliveryId + " never reached " + status + ": " + entry);
  }
}
