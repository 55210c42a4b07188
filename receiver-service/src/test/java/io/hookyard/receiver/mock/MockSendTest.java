package io.hookyard.receiver.mock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.hookyard.receiver.RulesStub;
import io.hookyard.receiver.ingest.StoredEvent;
import io.hookyard.receiver.ingest.StoredEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ReceiverTest
class MockSendTest {
  static final String MOCK = "/api/v1/tenants/{tenant}/sources/{id}/mock";

  @Inject StoredEventRepository events;
  @Inject ObjectMapper mapper;

  String tenant;
  String sourceId;
  String token;

  @BeforeEach
  void createSource() {
    RulesStub.server.answerWith(200);
    tenant = Fixtures.newTenant();
    token = Fixtures.createSource(tenant, "demo");
    sourceId =
        given()
            .auth()
            .oauth2(TestTokens.tenantViewer(tenant))
            .get("/api/v1/tenants/{tenant}/sources", tenant)
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
  }

  @Test
  void aMockSendStoresTheVendorSampleMarkedMockAndForwardsIt() throws Exception {
    String type = firstSampleType("generic");
    String id =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(Map.of("type", type))
            .post(MOCK, tenant, sourceId)
            .then()
            .statusCode(202)
            .body("eventId", startsWith("evt_"))
            .body("mock", equalTo(true))
            .body("type", equalTo(type))
            .extract()
            .path("eventId");

    StoredEvent stored = QuarkusTransaction.requiringNew().call(() -> events.findById(id));
    assertTrue(stored.mock);
    assertNull(stored.vendorDeliveryId, "never deduplicated with a real event");
    assertEquals(type, stored.type);
    JsonNode event = forwarded(id);
    assertTrue(event.path("mock").asBoolean(), event.toString());
    assertEquals(type, event.path("type").asText());
    assertEquals("/hooks/" + tenant + "/demo", event.path("source").asText());
  }

  @Test
  void aRealEventIsNotMarkedMock() throws Exception {
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", "same-key")
            .body("{\"type\":\"device.enrolled\"}")
            .post("/hooks/{tenant}/demo", tenant)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    JsonNode event = forwarded(id);
    assertFalse(event.has("mock"), event.toString());
  }

  @Test
  void twoMockSendsAreTwoEvents() {
    String type = firstSampleType("generic");
    String first = mock(type);
    String second = mock(type);
    assertFalse(first.equals(second));
  }

  @Test
  void anUnknownTypeOrSourceIsAProblem() {
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("type", "no.such.type"))
        .post(MOCK, tenant, sourceId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:unknown-sample"));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("type", "x"))
        .post(MOCK, tenant, "src_nothere")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(MOCK, tenant, sourceId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void onlyTenantAdminsMaySendMocks() {
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("type", "x"))
        .post(MOCK, tenant, sourceId)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin("another-tenant"))
        .contentType(ContentType.JSON)
        .body(Map.of("type", "x"))
        .post(MOCK, tenant, sourceId)
        .then()
        .statusCode(404);
  }

  private String mock(String type) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("type", type))
        .post(MOCK, tenant, sourceId)
        .then()
        .statusCode(202)
        .extract()
        .path("eventId");
  }

  private static String firstSampleType(String vendor) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantViewer("any"))
        .get("/api/v1/vendors/{vendor}", vendor)
        .then()
        .statusCode(200)
        .extract()
        .path("samples[0].type");
  }

  private JsonNode forwarded(String id) throws Exception {
    var requests =
        RulesStub.server.await(
            request -> request.bodyText().contains(id), 1, Duration.ofSeconds(10));
    JsonNode batch = mapper.readTree(requests.getFirst().body());
    return StreamSupport.stream(batch.spliterator(), false)
        .filter(node -> node.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
