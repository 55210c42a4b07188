package io.hookyard.delivery.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DeliveryTest
class DeliveryPipelineTest {
  RecordingServer destination;
  String tenant;
  String destinationId;

  @BeforeEach
  void createDestination() {
    destination = RecordingServer.start();
    tenant = TestTenants.newTenant();
    destinationId =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(Map.of("name", "sink", "url", destination.url() + "/in"))
            .post("/api/v1/tenants/{tenant}/destinations", tenant)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
  }

  @AfterEach
  void stopDestination() {
    destination.close();
  }

  @Test
  void aRequestIsDeliveredOnceWithItsIdAndLogged() {
    String deliveryId = Ids.newId(Ids.DELIVERY);
    String request = request(deliveryId);
    submit(request);
    submit(request);

    RecordingServer.Recorded sent =
        destination.await(r -> true, 1, Duration.ofSeconds(10)).getFirst();
    assertEquals("/in", sent.path());
    assertEquals(deliveryId, sent.header("webhook-id"));
    assertEquals("application/cloudevents+json; charset=utf-8", sent.header("content-type"));
    JsonPath body = JsonPath.from(sent.bodyText());
    assertEquals("device.locked", body.getString("type"));
    assertEquals("mac-9", body.getString("data.device"));

    JsonPath entry = awaitStatus(deliveryId, "SUCCEEDED");
    assertEquals(1, entry.getInt("attemptCount"));
    assertEquals(200, entry.getInt("attempts[0].response.status"));
    assertEquals("POST", entry.getString("attempts[0].request.method"));
    assertEquals(destination.url() + "/in", entry.getString("attempts[0].request.url"));
    assertEquals("mac-9", entry.getString("event.data.device"));
    assertEquals(1, destination.requests().size(), "the second, identical request sends nothing");

    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParam("status", "SUCCEEDED")
        .get("/api/v1/tenants/{tenant}/deliveries", tenant)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(deliveryId))
        .body("items[0].event", nullValue())
        .body("nextCursor", nullValue());
  }

  @Test
  void failuresAreRetriedOnTheScheduleUntilTheDestinationRecovers() {
    destination.answerWith(500);
    String deliveryId = Ids.newId(Ids.DELIVERY);
    submit(request(deliveryId));
    awaitAttempts(deliveryId, 1);
    destination.answerWith(200);

    JsonPath entry = awaitStatus(deliveryId, "SUCCEEDED");
    assertEquals(2, entry.getInt("attemptCount"));
    assertEquals(500, entry.getInt("attempts[0].response.status"));
    assertEquals("FAILED", entry.getString("attempts[0].outcome"));
    assertEquals(200, entry.getInt("attempts[1].response.status"));
  }

  @Test
  void anExhaustedScheduleLeavesADeadLetterWithItsReason() {
    destination.close();
    String deliveryId = Ids.newId(Ids.DELIVERY);
    submit(request(deliveryId));

    JsonPath entry = awaitStatus(deliveryId, "DEAD");
    assertEquals(3, entry.getInt("attemptCount"), "the test schedule has three entries");
    assertEquals("CONNECTION_REFUSED", entry.getString("attempts[2].errorClass"));
    assertEquals("CONNECTION_REFUSED", entry.getString("lastError"));
  }

  @Test
  void aMalformedRequestIsA400Problem() {
    given()
        .auth()
        .oauth2(TestTokens.service())
        .contentType(ContentType.JSON)
        .body("[{\"id\":\"dlv_x\"}]")
        .post("/internal/v1/deliveries")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private void submit(String request) {
    given()
        .auth()
        .oauth2(TestTokens.service())
        .contentType(ContentType.JSON)
        .body("[" + request + "]")
        .post("/internal/v1/deliveries")
        .then()
        .statusCode(204);
  }

  private String request(String deliveryId) {
    return """
        {"id":"%s","tenant":"%s","subscriptionId":"sub_1","destinationId":"%s",
         "event":{"specversion":"1.0","id":"%s","source":"/hooks/%s/demo","type":"device.locked",
                  "datacontenttype":"application/json","tenant":"%s","data":{"device":"mac-9"}}}"""
        .formatted(deliveryId, tenant, destinationId, Ids.newId(Ids.EVENT), tenant, tenant);
  }

  private JsonPath awaitStatus(String deliveryId, String status) {
    return awaitEntry(deliveryId, entry -> status.equals(entry.getString("status")));
  }

  private void awaitAttempts(String deliveryId, int attempts) {
    awaitEntry(deliveryId, entry -> entry.getInt("attemptCount") >= attempts);
  }

  private JsonPath awaitEntry(String deliveryId, java.util.function.Predicate<JsonPath> done) {
    Instant deadline = Instant.now().plusSeconds(15);
    JsonPath entry = null;
    while (Instant.now().isBefore(deadline)) {
      var response =
          given()
              .auth()
              .oauth2(TestTokens.tenantViewer(tenant))
              .get("/api/v1/tenants/{tenant}/deliveries/{id}", tenant, deliveryId);
      if (response.statusCode() == 200) {
        entry = response.jsonPath();
        if (done.test(entry)) {
          return entry;
        }
      }
      sleep();
    }
    fail(
        "delivery "
            + deliveryId
            + " did not get there in time; last seen: "
            + (entry == null ? "nothing" : entry.prettify()));
    return entry;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
