package io.hookyard.receiver.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.ServiceTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.hookyard.receiver.RulesStub;
import io.hookyard.receiver.outbox.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ReceiverTest
class HookRouteTest {
  @Inject StoredEventRepository events;
  @Inject OutboxRepository outbox;
  @Inject ObjectMapper mapper;

  String tenant;
  String token;

  @BeforeEach
  void createSource() {
    RulesStub.server.answerWith(200);
    tenant = Fixtures.newTenant();
    token = Fixtures.createSource(tenant, "demo");
  }

  @Test
  void acceptedEventIsCommittedAndForwardedAsCloudEvent() throws Exception {
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .header("X-Hookyard-Event-Type", "device.enrolled")
            .body("{\"device\":\"mac-42\",\"subject\":\"mac-42\"}")
            .post("/hooks/{tenant}/demo", tenant)
            .then()
            .statusCode(202)
            .body("id", startsWith("evt_"))
            .extract()
            .path("id");

    StoredEvent stored = QuarkusTransaction.requiringNew().call(() -> events.findById(id));
    assertEquals("device.enrolled", stored.type);
    assertEquals("mac-42", stored.subject);
    assertEquals(tenant, stored.tenant);
    assertEquals("[redacted]", stored.headers.get("authorization").getFirst());

    var forwarded =
        RulesStub.server.await(
            request -> request.bodyText().contains(id), 1, Duration.ofSeconds(10));
    assertTrue(
        ServiceTokens.isServiceToken(forwarded.getFirst().header("authorization")),
        "rules-service is called with a client-credentials token, not the vendor's credentials");
    JsonNode batch = mapper.readTree(forwarded.getFirst().body());
    JsonNode event =
        java.util.stream.StreamSupport.stream(batch.spliterator(), false)
            .filter(node -> node.path("id").asText().equals(id))
            .findFirst()
            .orElseThrow();
    assertEquals("1.0", event.path("specversion").asText());
    assertEquals("device.enrolled", event.path("type").asText());
    assertEquals("/hooks/" + tenant + "/demo", event.path("source").asText());
    assertEquals(tenant, event.path("tenant").asText());
    assertEquals("mac-42", event.path("data").path("device").asText());
  }

  @Test
  void eventsWaitInTheOutboxWhileRulesServiceIsDown() {
    RulesStub.server.answerWith(503);
    String[] ids = new String[3];
    for (int i = 0; i < ids.length; i++) {
      ids[i] =
          given()
              .auth()
              .oauth2(token)
              .contentType(ContentType.JSON)
              .body("{\"n\":" + i + "}")
              .post("/hooks/{tenant}/demo", tenant)
              .then()
              .statusCode(202)
              .extract()
              .path("id");
    }
    long waiting =
        QuarkusTransaction.requiringNew()
            .call(() -> Arrays.stream(ids).filter(id -> outbox.findById(id) != null).count());
    assertEquals(3, waiting, "events must wait in the outbox while rules-service refuses them");

    RulesStub.server.answerWith(200);
    for (String id : ids) {
      RulesStub.server.await(request -> request.bodyText().contains(id), 1, Duration.ofSeconds(15));
    }
    // The outbox rows go in the transaction that follows rules-service's answer.
    long deadline = System.currentTimeMillis() + 5_000;
    long left = ids.length;
    while (left > 0 && System.currentTimeMillis() < deadline) {
      left =
          QuarkusTransaction.requiringNew()
              .call(() -> Arrays.stream(ids).filter(id -> outbox.findById(id) != null).count());
    }
    assertEquals(0, left, "a forwarded event leaves the outbox");
  }

  @Test
  void aRedeliveryWithTheSameIdempotencyKeyGetsTheFirstEventsId() {
    String first = post("{\"a\":1}", "key-1").then().statusCode(202).extract().path("id");
    post("{\"a\":1}", "key-1")
        .then()
        .statusCode(202)
        .body("id", equalTo(first))
        .body("duplicate", equalTo(true));
    assertEquals(1, countEvents());
  }

  @Test
  void malformedJsonIsA400ProblemAndStoresNothing() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"broken\": ")
        .post("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:invalid-json"))
        .body("detail", containsString("line 1"));
    assertEquals(0, countEvents());
  }

  @Test
  void unknownTenantAndUnknownSourceGetTheSame404() {
    String unknownTenant =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/hooks/{tenant}/demo", "nobody-here")
            .then()
            .statusCode(404)
            .contentType("application/problem+json")
            .extract()
            .path("detail");
    String unknownSource =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/hooks/{tenant}/nothing", tenant)
            .then()
            .statusCode(404)
            .extract()
            .path("detail");
    assertEquals(unknownTenant, unknownSource);
  }

  @Test
  void aWrongOrMissingTokenIsA401AndStoresNothing() {
    given()
        .auth()
        .oauth2("hyk_wrong")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:wrong-secret"));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:hookyard:problem:missing-token"));
    assertEquals(0, countEvents());
  }

  @Test
  void theTokenMayComeInTheUrlForSendersThatOnlyTakeAUrl() {
    given()
        .contentType(ContentType.JSON)
        .queryParam("token", token)
        .body("{}")
        .post("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(202);
  }

  @Test
  void aBodyOverTheSourceLimitIsA413AndStoresNothing() {
    byte[] twoMiB = new byte[2 * 1024 * 1024];
    Arrays.fill(twoMiB, (byte) ' ');
    twoMiB[0] = '{';
    twoMiB[twoMiB.length - 1] = '}';
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(twoMiB)
        .post("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    assertEquals(0, countEvents());
  }

  @Test
  void aNonJsonContentTypeIsA415() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.TEXT)
        .body("hello")
        .post("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    assertEquals(0, countEvents());
  }

  @Test
  void otherMethodsAreA405Problem() {
    given()
        .auth()
        .oauth2(token)
        .get("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
  }

  private io.restassured.response.Response post(String json, String idempotencyKey) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", idempotencyKey)
        .body(json)
        .post("/hooks/{tenant}/demo", tenant);
  }

  private long countEvents() {
    return QuarkusTransaction.requiringNew().call(() -> events.count("tenant", tenant));
  }
}
