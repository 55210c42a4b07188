package io.hookyard.rules.matching;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.common.testing.ServiceTokens;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.rules.DeliveryStub;
import io.hookyard.rules.RulesTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RulesTest
class EventIntakeTest {
  @Inject ObjectMapper mapper;
  @Inject DeliveryRequestRepository requests;
  @Inject ReceivedEventRepository receivedEvents;

  @Test
  void aMatchingEventBecomesOneDeliveryRequestEvenWhenSentTwice() throws Exception {
    DeliveryStub.server.answerWith(200);
    String tenant = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", "devices",
                "eventTypes", List.of("device.*"),
                "destinationId", "dst_sink"))
        .post("/api/v1/tenants/{tenant}/subscriptions", tenant)
        .then()
        .statusCode(201);

    String matching = Ids.newId(Ids.EVENT);
    String other = Ids.newId(Ids.EVENT);
    String batch =
        "["
            + event(matching, tenant, "device.locked")
            + ","
            + event(other, tenant, "user.created")
            + "]";
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(TestTokens.service())
          .contentType(ContentType.JSON)
          .body(batch)
          .post("/internal/v1/events")
          .then()
          .statusCode(204);
    }

    List<RecordingServer.Recorded> sent =
        DeliveryStub.server.await(r -> r.bodyText().contains(matching), 1, Duration.ofSeconds(10));
    JsonNode request = mapper.readTree(sent.getFirst().body()).get(0);
    assertTrue(
        ServiceTokens.isServiceToken(sent.getFirst().header("authorization")),
        "delivery-service is called with a client-credentials token");
    assertEquals(tenant, request.path("tenant").asText());
    assertEquals("dst_sink", request.path("destinationId").asText());
    assertEquals("device.locked", request.path("event").path("type").asText());
    assertEquals("mac-7", request.path("event").path("data").path("device").asText());

    long created =
        QuarkusTransaction.requiringNew()
            .call(() -> requests.count("eventId in ?1", List.of(matching, other)));
    assertEquals(1, created, "one match, recorded once although the batch came twice");
    assertEquals(0, DeliveryStub.server.requests(r -> r.bodyText().contains(other)).size());
  }

  @Test
  void aSubscriptionFilterDecidesWhichEventsOfItsTypesMatch() {
    DeliveryStub.server.answerWith(200);
    String tenant = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", "os-updates",
                "eventTypes", List.of("fleet.*"),
                "filter", "failing_policies/any(p: p/name eq 'macOS - OS version up to date')",
                "destinationId", "dst_mdm"))
        .post("/api/v1/tenants/{tenant}/subscriptions", tenant)
        .then()
        .statusCode(201);
    String outdated = Ids.newId(Ids.EVENT);
    String other = Ids.newId(Ids.EVENT);
    String batch =
        "["
            + fleetEvent(outdated, tenant, "macOS - OS version up to date")
            + ","
            + fleetEvent(other, tenant, "Disk encryption enabled")
            + "]";
    given()
        .auth()
        .oauth2(TestTokens.service())
        .contentType(ContentType.JSON)
        .body(batch)
        .post("/internal/v1/events")
        .then()
        .statusCode(204);

    DeliveryStub.server.await(r -> r.bodyText().contains(outdated), 1, Duration.ofSeconds(10));
    long created =
        QuarkusTransaction.requiringNew()
            .call(() -> requests.count("eventId in ?1", List.of(outdated, other)));
    assertEquals(1, created, "only the event with the failing OS policy matches");
  }

  private static String fleetEvent(String id, String tenant, String policy) {
    return """
        {"specversion":"1.0","id":"%s","source":"/hooks/%s/fleet","type":"fleet.calendar",
         "datacontenttype":"application/json","tenant":"%s",
         "data":{"host_id":7,"host_display_name":"mac-7","failing_policies":[{"id":1,"name":"%s"}]}}"""
        .formatted(id, tenant, tenant, policy);
  }

  @Test
  void transitionsAreComputedFromTheLastStateOfEachSubject() throws Exception {
    DeliveryStub.server.answerWith(200);
    String tenant = TestTenants.newTenant();
    createShutdownSubscription(tenant);

    // The first event of a server has no previous state: it is Created and no transition.
    String first = serverEvent(tenant, "srv-1", "ON");
    // ON to ON is no change; ON to OFF is the shutdown; OFF to ON is not.
    String same = serverEvent(tenant, "srv-1", "ON");
    String shutdown = serverEvent(tenant, "srv-1", "OFF");
    String powerOn = serverEvent(tenant, "srv-1", "ON");
    // Another server's state is its own.
    String otherServer = serverEvent(tenant, "srv-2", "OFF");

    List<String> all = List.of(first, same, shutdown, powerOn, otherServer);
    DeliveryStub.server.await(r -> r.bodyText().contains(shutdown), 1, Duration.ofSeconds(10));
    List<String> matched =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    requests.list("eventId in ?1", all).stream()
                        .map(request -> request.eventId)
                        .toList());
    assertEquals(List.of(shutdown), matched);
    assertEquals("Created", operationOf(first), "no previous state: the subject was created");
    assertEquals("Updated", operationOf(shutdown));
  }

  @Test
  void aPreviousStateTheVendorSendsWinsOverTheRememberedOne() throws Exception {
    DeliveryStub.server.answerWith(200);
    String tenant = TestTenants.newTenant();
    createShutdownSubscription(tenant);

    serverEvent(tenant, "srv-3", "ON", null);
    // Remembered: ON, so this would be a shutdown; the vendor says the server was already OFF.
    String stillOff = serverEvent(tenant, "srv-3", "OFF", "OFF");
    // Never seen before, so nothing is remembered; the vendor says it was ON.
    String shutdown = serverEvent(tenant, "srv-4", "OFF", "ON");

    DeliveryStub.server.await(r -> r.bodyText().contains(shutdown), 1, Duration.ofSeconds(10));
    List<String> matched =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    requests.list("eventId in ?1", List.of(stillOff, shutdown)).stream()
                        .map(request -> request.eventId)
                        .toList());
    assertEquals(List.of(shutdown), matched);
    assertEquals("Updated", operationOf(shutdown), "a subject with a previous state was updated");
  }

  @Test
  void aMockEventIsMatchedOnTheRememberedStateButNeverChangesIt() throws Exception {
    DeliveryStub.server.answerWith(200);
    String tenant = TestTenants.newTenant();
    createShutdownSubscription(tenant);

    serverEvent(tenant, "srv-5", "ON");
    // The mock sees the remembered ON, so it is a shutdown (and is delivered, marked mock)...
    String mockShutdown = serverEvent(tenant, "srv-5", "OFF", null, true);
    // ...but the state stays ON: the real shutdown that follows is still one.
    String realShutdown = serverEvent(tenant, "srv-5", "OFF");
    // A mock of a server never seen leaves nothing behind: the first real event is Created.
    serverEvent(tenant, "srv-6", "ON", null, true);
    String firstReal = serverEvent(tenant, "srv-6", "OFF");

    var delivered =
        DeliveryStub.server.await(
            r -> r.bodyText().contains(realShutdown), 1, Duration.ofSeconds(10));
    List<String> matched =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    requests
                        .list("eventId in ?1", List.of(mockShutdown, realShutdown, firstReal))
                        .stream()
                        .map(request -> request.eventId)
                        .sorted()
                        .toList());
    assertEquals(List.of(mockShutdown, realShutdown).stream().sorted().toList(), matched);
    assertEquals("Created", operationOf(firstReal));
    var mockDelivery =
        DeliveryStub.server.await(
            r -> r.bodyText().contains(mockShutdown), 1, Duration.ofSeconds(10));
    JsonNode mockRequest = findRequestFor(mockDelivery.getFirst().bodyText(), mockShutdown);
    assertTrue(mockRequest.path("event").path("mock").asBoolean(), mockRequest.toString());
    JsonNode realRequest = findRequestFor(delivered.getFirst().bodyText(), realShutdown);
    assertFalse(realRequest.path("event").has("mock"), realRequest.toString());
  }

  private JsonNode findRequestFor(String batch, String eventId) throws Exception {
    for (JsonNode request : mapper.readTree(batch)) {
      if (request.path("event").path("id").asText().equals(eventId)) {
        return request;
      }
    }
    throw new AssertionError("no delivery request for " + eventId + " in " + batch);
  }

  private void createShutdownSubscription(String tenant) {
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "server-shutdown",
                "eventTypes",
                List.of("compute-ops/server"),
                "filter",
                "type eq 'compute-ops/server' and old/hardware/powerState eq 'ON'"
                    + " and changed/hardware/powerState eq True",
                "destinationId",
                "dst_ops"))
        .post("/api/v1/tenants/{tenant}/subscriptions", tenant)
        .then()
        .statusCode(201);
  }

  private String operationOf(String eventId) throws Exception {
    byte[] envelope =
        QuarkusTransaction.requiringNew().call(() -> receivedEvents.findById(eventId).envelope);
    return mapper.readTree(envelope).path("operation").asText();
  }

  private String serverEvent(String tenant, String server, String powerState) throws Exception {
    return serverEvent(tenant, server, powerState, null);
  }

  /** Sends one server event; {@code sentPowerState} is the earlier state the vendor sends along. */
  private String serverEvent(String tenant, String server, String powerState, String sentPowerState)
      throws Exception {
    return serverEvent(tenant, server, powerState, sentPowerState, false);
  }

  private String serverEvent(
      String tenant, String server, String powerState, String sentPowerState, boolean mock)
      throws Exception {
    String id = Ids.newId(Ids.EVENT);
    // The extension's value is the earlier state as JSON text, itself a JSON string here.
    String previous =
        sentPowerState == null
            ? ""
            : ",\"previousdata\":"
                + mapper.writeValueAsString(
                    "{\"hardware\":{\"powerState\":\"" + sentPowerState + "\"}}");
    if (mock) {
      previous += ",\"mock\":true";
    }
    String event =
        """
        {"specversion":"1.0","id":"%s","source":"/hooks/%s/com","type":"compute-ops/server",
         "subject":"%s","datacontenttype":"application/json","tenant":"%s","sourceid":"src_com"%s,
         "data":{"id":"%s","name":"esx-%s","hardware":{"powerState":"%s","health":{"summary":"OK"}}}}"""
            .formatted(id, tenant, server, tenant, previous, server, server, powerState);
    given()
        .auth()
        .oauth2(TestTokens.service())
        .contentType(ContentType.JSON)
        .body("[" + event + "]")
        .post("/internal/v1/events")
        .then()
        .statusCode(204);
    return id;
  }

  @Test
  void aMatchCarriesTheActionPlannedForTheEventAndThePreviousState() throws Exception {
    DeliveryStub.server.answerWith(200);
    String tenant = TestTenants.newTenant();
    Map<String, Object> restart =
        Map.of(
            "name",
            "restart",
            "destinationId",
            "dst_api",
            "condition",
            "hardware/powerState eq 'OFF'",
            "method",
            "POST",
            "path",
            "/servers/{data.id}/restart");
    Map<String, Object> inventory =
        Map.of(
            "name",
            "inventory",
            "destinationId",
            "dst_cmdb",
            "condition",
            "name eq 'never'",
            "preset",
            "CLOUDEVENT");
    Map<String, Object> page =
        Map.of("name", "page", "destinationId", "dst_pager", "preset", "SLACK");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "servers",
                "eventTypes",
                List.of("compute-ops/server"),
                "action",
                Map.of(
                    "steps", List.of(restart, inventory),
                    "errorRoute", Map.of("steps", List.of(page)))))
        .post("/api/v1/tenants/{tenant}/subscriptions", tenant)
        .then()
        .statusCode(201);

    serverEvent(tenant, "srv-9", "ON");
    String off = serverEvent(tenant, "srv-9", "OFF");

    var sent =
        DeliveryStub.server.await(r -> r.bodyText().contains(off), 1, Duration.ofSeconds(10));
    JsonNode request = null;
    for (JsonNode candidate : mapper.readTree(sent.getFirst().body())) {
      if (candidate.at("/event/id").asText().equals(off)) {
        request = candidate;
      }
    }
    assertEquals("dst_api", request.path("destinationId").asText());
    JsonNode steps = request.at("/action/steps");
    assertEquals(1, steps.size(), "the inventory step's condition ruled it out");
    assertEquals("restart", steps.get(0).path("name").asText());
    assertEquals("page", request.at("/action/errorRoute/steps/0/name").asText());
    JsonNode previous = mapper.readTree(request.at("/event/previousdata").asText());
    assertEquals("ON", previous.at("/hardware/powerState").asText());
  }

  @Test
  void anEventWithoutATenantIsA400Problem() {
    given()
        .auth()
        .oauth2(TestTokens.service())
        .contentType(ContentType.JSON)
        .body("[{\"specversion\":\"1.0\",\"id\":\"evt_x\",\"source\":\"/x\",\"type\":\"t\"}]")
        .post("/internal/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static String event(String id, String tenant, String type) {
    return """
        {"specversion":"1.0","id":"%s","source":"/hooks/%s/demo","type":"%s",
         "datacontenttype":"application/json","tenant":"%s","data":{"device":"mac-7"}}"""
        .formatted(id, tenant, type, tenant);
  }
}
