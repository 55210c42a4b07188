package io.hookyard.delivery.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Calls of delivery-service's APIs that tests share, as a tenant admin of one tenant. */
public record Api(String tenant) {
  public static final String DESTINATIONS = "/api/v1/tenants/{tenant}/destinations";

  /** Creates a destination; answers the whole created view (with its one-time secret). */
  public JsonPath createDestination(String name, String url, Map<String, Object> settings) {
    Map<String, Object> body = new LinkedHashMap<>(settings);
    body.put("name", name);
    body.put("url", url);
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(body)
        .post(DESTINATIONS, tenant)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  public JsonPath destination(String id) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(DESTINATIONS + "/{id}", tenant, id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Submits one delivery of a fresh event to the destination; returns the delivery id. */
  public String submit(String destinationId) {
    String deliveryId = Ids.newId(Ids.DELIVERY);
    String request =
        """
        [{"id":"%s","tenant":"%s","subscriptionId":"sub_1","destinationId":"%s",
          "event":{"specversion":"1.0","id":"%s","source":"/hooks/%s/demo","type":"device.locked",
                   "datacontenttype":"application/json","tenant":"%s","data":{"device":"mac-9"}}}]"""
            .formatted(deliveryId, tenant, destinationId, Ids.newId(Ids.EVENT), tenant, tenant);
    given()
        .auth()
        .oauth2(TestTokens.service())
        .contentType(ContentType.JSON)
        .body(request)
        .post("/internal/v1/deliveries")
        .then()
        .statusCode(204);
    return deliveryId;
  }

  public JsonPath delivery(String deliveryId) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/deliveries/{id}", tenant, deliveryId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  public JsonPath awaitDelivery(String deliveryId, Predicate<JsonPath> done) {
    return await(() -> delivery(deliveryId), done, "delivery " + deliveryId);
  }

  public JsonPath awaitDestination(String id, Predicate<JsonPath> done) {
    return await(() -> destination(id), done, "destination " + id);
  }

  public JsonPath awaitStatus(String deliveryId, String status) {
    return awaitDelivery(deliveryId, entry -> status.equals(entry.getString("status")));
  }

  private static JsonPath await(
      java.util.function.Supplier<JsonPath> read, Predicate<JsonPath> done, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    JsonPath last = null;
    while (Instant.now().isBefore(deadline)) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    fail(
        what
            + " did not get there in time; last seen: "
            + (last == null ? "nothing" : last.prettify()));
    return last;
  }
}
