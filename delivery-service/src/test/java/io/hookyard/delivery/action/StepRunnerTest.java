package io.hookyard.delivery.action;

import static io.hookyard.delivery.ActionRequests.action;
import static io.hookyard.delivery.ActionRequests.submitAction;
import static io.hookyard.delivery.DeliveryApi.awaitStatus;
import static io.hookyard.delivery.DeliveryApi.createDestination;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.RecordingServer;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryApi;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DeliveryTest
class StepRunnerTest {
  private static final String FLEET_DATA = "{\"host_id\":11058,\"error\":\"\"}";
  private static final String HOST = "{\"host\":{\"id\":11058,\"uuid\":\"A1B2-C3\"}}";

  private static Map<String, Object> hostStep(String destinationId) {
    return Map.of("name", "host", "destinationId", destinationId, "path", "/hosts/{data.host_id}");
  }

  private static Map<String, Object> commandStep(String destinationId) {
    return Map.of(
        "name",
        "command",
        "destinationId",
        destinationId,
        "method",
        "POST",
        "path",
        "/commands",
        "body",
        "{\"uuid\":{steps.host.response.body.host.uuid.json},"
            + "\"status\":{steps.host.response.status}}");
  }

  @Test
  void laterStepsSeeEarlierResponsesAndEachStepIsItsOwnAttemptChain() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer fleet = RecordingServer.start()) {
      fleet.answerWith(r -> r.path().startsWith("/hosts/"), 200, HOST);
      String fleetId = createDestination(tenant, "fleet", fleet.url());
      String id =
          submitAction(
              tenant,
              fleetId,
              action(List.of(hostStep(fleetId), commandStep(fleetId)), null),
              FLEET_DATA);

      JsonPath entry = awaitStatus(tenant, id, "SUCCEEDED");
      List<RecordingServer.Recorded> sent = fleet.requests();
      assertEquals(2, sent.size());
      assertEquals("GET", sent.get(0).method());
      assertEquals("/hosts/11058", sent.get(0).path());
      assertEquals("POST", sent.get(1).method());
      assertEquals("{\"uuid\":\"A1B2-C3\",\"status\":200}", sent.get(1).bodyText());
      // One webhook-id per step, so a receiver can drop repeats of each.
      assertEquals(id + ".host", sent.get(0).header("webhook-id"));
      assertEquals(id + ".command", sent.get(1).header("webhook-id"));
      assertEquals(List.of("host", "command"), entry.getList("attempts.step"));
      assertEquals("command", entry.getString("currentStep"));
      assertEquals("main", entry.getString("route"));
    }
  }

  @Test
  void aLaterStepRetriedNeverSendsAnEarlierStepAgain() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer fleet = RecordingServer.start()) {
      fleet.answerTimes(r -> r.path().equals("/commands"), 2, 500, Map.of(), null);
      fleet.answerWith(r -> r.path().startsWith("/hosts/"), 200, HOST);
      String fleetId = createDestination(tenant, "fleet", fleet.url());
      String id =
          submitAction(
              tenant,
              fleetId,
              action(List.of(hostStep(fleetId), commandStep(fleetId)), null),
              FLEET_DATA);

      JsonPath entry = awaitStatus(tenant, id, "SUCCEEDED");
      assertEquals(1, count(fleet, "/hosts/11058"));
      assertEquals(3, count(fleet, "/commands"));
      assertEquals(
          List.of("host", "command", "command", "command"), entry.getList("attempts.step"));
      // The retried step still sees the first step's response, read back from the database.
      fleet
          .requests(r -> r.path().equals("/commands"))
          .forEach(r -> assertTrue(r.bodyText().contains("A1B2-C3")));
    }
  }

  @Test
  void aValueMissingAtRenderTimeKillsTheDeliveryAtOnceNamingStepAndField() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer fleet = RecordingServer.start()) {
      String fleetId = createDestination(tenant, "fleet", fleet.url());
      Map<String, Object> broken =
          Map.of("name", "host", "destinationId", fleetId, "path", "/hosts/{data.serial}");
      String id = submitAction(tenant, fleetId, action(List.of(broken), null), FLEET_DATA);

      JsonPath entry = awaitStatus(tenant, id, "DEAD");
      assertEquals("RENDER_ERROR", entry.getString("deadReason"));
      String reason = entry.getString("lastError");
      assertTrue(reason.contains("Step 'host'"), reason);
      assertTrue(reason.contains("field 'path'"), reason);
      assertTrue(reason.contains("serial"), reason);
      assertEquals(1, entry.getInt("attemptCount"));
      assertEquals("RENDER", entry.getString("attempts[0].errorClass"));
      DeliveryApi.pause(Duration.ofMillis(800));
      assertEquals(1, DeliveryApi.awaitStatus(tenant, id, "DEAD").getInt("attemptCount"));
      assertEquals(0, fleet.all().size());
    }
  }

  @Test
  void aFailedStepSendsTheEventDownTheErrorRouteWithTheFailure() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer fleet = RecordingServer.start();
        RecordingServer slack = RecordingServer.start()) {
      fleet.answerWith(r -> r.path().startsWith("/hosts/"), 404, "{\"message\":\"no host\"}");
      String fleetId = createDestination(tenant, "fleet", fleet.url());
      String slackId = createDestination(tenant, "slack", slack.url());
      Map<String, Object> host =
          Map.of(
              "name",
              "host",
              "destinationId",
              fleetId,
              "path",
              "/hosts/{data.host_id}",
              "retrySchedule",
              List.of("0s", "100ms"));
      Map<String, Object> alert =
          Map.of(
              "name",
              "alert",
              "destinationId",
              slackId,
              "preset",
              "SLACK",
              "fields",
              Map.of(
                  "text",
                  "{error.step} failed with {error.response.status}:"
                      + " {error.response.body.message}"));
      String id =
          submitAction(
              tenant,
              fleetId,
              action(List.of(host, commandStep(fleetId)), List.of(alert)),
              FLEET_DATA);

      JsonPath entry = awaitStatus(tenant, id, "DEAD");
      assertEquals(2, fleet.refused().size());
      assertEquals(0, count(fleet, "/commands"));
      assertEquals(1, slack.requests().size());
      assertEquals(
          "{\"text\":\"host failed with 404: no host\"}", slack.requests().getFirst().bodyText());
      assertEquals(id + ".alert", slack.requests().getFirst().header("webhook-id"));
      assertEquals("SCHEDULE_EXHAUSTED", entry.getString("deadReason"));
      assertTrue(entry.getString("lastError").contains("error route ran"));
      assertEquals(List.of("host", "host", "alert"), entry.getList("attempts.step"));
      assertEquals("error", entry.getString("route"));
    }
  }

  @Test
  void anEventSentStraightToTheErrorRouteSeesWhy() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer slack = RecordingServer.start()) {
      String slackId = createDestination(tenant, "slack", slack.url());
      Map<String, Object> alert =
          Map.of(
              "name",
              "alert",
              "destinationId",
              slackId,
              "preset",
              "SLACK",
              "fields",
              Map.of("text", "{error.reason}"));
      String id =
          submitAction(tenant, slackId, action(List.of(alert), null), FLEET_DATA, "the route held");

      awaitStatus(tenant, id, "SUCCEEDED");
      assertEquals("{\"text\":\"the route held\"}", slack.requests().getFirst().bodyText());
      // The delivery's only request: its webhook-id is the delivery id.
      assertEquals(id, slack.requests().getFirst().header("webhook-id"));
    }
  }

  @Test
  void anEmailStepFailsForGoodWithoutAnSmtpServer() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer sink = RecordingServer.start()) {
      String sinkId = createDestination(tenant, "mail", sink.url());
      Map<String, Object> mail =
          Map.of(
              "name",
              "mail",
              "destinationId",
              sinkId,
              "email",
              Map.of(
                  "to", List.of("it@example.com"), "subject", "Host {data.host_id}", "text", "x"));
      String id = submitAction(tenant, sinkId, action(List.of(mail), null), FLEET_DATA);

      JsonPath entry = awaitStatus(tenant, id, "DEAD");
      assertEquals("NOT_SENDABLE", entry.getString("deadReason"));
      assertTrue(
          entry.getString("lastError").contains("No SMTP server"), entry.getString("lastError"));
      assertEquals("SMTP", entry.getString("attempts[0].request.method"));
      assertEquals("it@example.com", entry.getString("attempts[0].request.headers.to[0]"));
      assertEquals(0, sink.all().size());
    }
  }

  @Test
  void aReplayRunsTheFailedStepAgainButNotTheOnesThatSucceeded() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer fleet = RecordingServer.start()) {
      fleet.answerWith(r -> r.path().startsWith("/hosts/"), 200, HOST);
      fleet.answerTimes(r -> r.path().equals("/commands"), 3, 500, Map.of(), null);
      String fleetId = createDestination(tenant, "fleet", fleet.url());
      String id =
          submitAction(
              tenant,
              fleetId,
              action(List.of(hostStep(fleetId), commandStep(fleetId)), null),
              FLEET_DATA);
      awaitStatus(tenant, id, "DEAD");
      assertEquals(1, count(fleet, "/hosts/11058"));

      io.restassured.RestAssured.given()
          .auth()
          .oauth2(TestTokens.tenantAdmin(tenant))
          .contentType(ContentType.JSON)
          .post("/api/v1/tenants/{tenant}/deliveries/{id}/replay", tenant, id)
          .then()
          .statusCode(org.hamcrest.Matchers.lessThan(300));

      JsonPath entry = awaitStatus(tenant, id, "SUCCEEDED");
      assertEquals(1, count(fleet, "/hosts/11058"));
      assertEquals(4, count(fleet, "/commands"));
      assertTrue(
          fleet
              .requests(r -> r.path().equals("/commands"))
              .getFirst()
              .bodyText()
              .contains("A1B2-C3"));
      assertEquals("command", entry.getString("attempts[-1].step"));
    }
  }

  private static long count(RecordingServer server, String path) {
    return server.all().stream().filter(r -> r.path().equals(path)).count();
  }
}
