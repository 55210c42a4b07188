package io.hookyard.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What tests do over delivery-service's HTTP API: destinations, intake, reading the log. */
public final class DeliveryApi {
  private DeliveryApi() {}

  public static String createDestination(String tenant, String name, String url) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "url", url))
        .post("/api/v1/tenants/{tenant}/destinations", tenant)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A delivery request as rules-service sends it. */
  public static String request(
      String deliveryId, String tenant, String destinationId, String subscriptionId, String type) {
    return """
        {"id":"%s","tenant":"%s","subscriptionId":"%s","destinationId":"%s",
         "event":{"specversion":"1.0","id":"%s","source":"/hooks/%s/demo","type":"%s",
                  "datacontenttype":"application/json","tenant":"%s","data":{"device":"mac-9"}}}"""
        .formatted(
            deliveryId,
            tenant,
            subscriptionId,
            destinationId,
            Ids.newId(Ids.EVENT),
            tenant,
            type,
            tenant);
  }

  public static String request(String deliveryId, String tenant, String destinationId) {
    return request(deliveryId, tenant, destinationId, "sub_1", "device.locked");
  }

  public static void submit(List<String> requests) {
    given()
        .auth()
        .oauth2(TestTokens.service())
        .contentType(ContentType.JSON)
        .body("[" + String.join(",", requests) + "]")
        .post("/internal/v1/deliveries")
        .then()
        .statusCode(204);
  }

  /** Submits one new delivery to a destination and returns its id. */
  public static String deliver(String tenant, String destinationId) {
    String id = Ids.newId(Ids.DELIVERY);
    submit(List.of(request(id, tenant, destinationId)));
    return id;
  }

  public static JsonPath awaitStatus(String tenant, String deliveryId, String status) {
    return awaitEntry(tenant, deliveryId, entry -> status.equals(entry.getString("status")));
  }

  /** Reads a delivery's log entry until it satisfies {@code done}, or fails after 30 s. */
  public static JsonPath awaitEntry(String tenant, String deliveryId, Predicate<JsonPath> done) {
    Instant deadline = Instant.now().plusSeconds(30);
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
      pause(Duration.ofMillis(50));
    }
    fail(
        "delivery "
            + deliveryId
            + " did not get there in time; last seen: "
            + (entry == null ? "nothing" : entry.prettify()));
    return entry;
  }

  /** Reads the tenant's summary over the last day until it satisfies {@code done}. */
  public static JsonPath awaitTotals(String tenant, Predicate<JsonPath> done) {
    Instant deadline = Instant.now().plusSeconds(60);
    JsonPath totals = null;
    while (Instant.now().isBefore(deadline)) {
      totals =
          given()
              .auth()
              .oauth2(TestTokens.tenantViewer(tenant))
              .queryParam("period", "hour")
              .get("/api/v1/tenants/{tenant}/deliveries/summary", tenant)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .setRootPath("totals");
      if (done.test(totals)) {
        return totals;
      }
      pause(Duration.ofMillis(100));
    }
    fail("the totals did not get there in time; last seen: " + totals.prettify());
    return totals;
  }

  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
