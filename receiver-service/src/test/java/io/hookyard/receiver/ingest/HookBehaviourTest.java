package io.hookyard.receiver.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Handshakes, rate limits and the vendor catalogue, through the real HTTP stack. */
@ReceiverTest
class HookBehaviourTest {

  @Test
  void theHpeVerificationChallengeIsAnsweredExactlyAndLogged() {
    String tenant = Fixtures.newTenant();
    String secret =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(Map.of("name", "com", "vendor", "hpe-com"))
            .post("/api/v1/tenants/{tenant}/sources", tenant)
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    String body =
        given()
            .header("x-compute-ops-mgmt-verification-challenge", "abc-123")
            .header("Authorization", "Bearer " + secret)
            .get("/hooks/{tenant}/com", tenant)
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .asString();
    org.junit.jupiter.api.Assertions.assertEquals("{\"verification\":\"abc-123\"}", body);
    Fixtures.awaitRequestLog(tenant, 1);
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/requests", tenant)
        .then()
        .statusCode(200)
        .body("items[0].verdict", equalTo("HANDSHAKE"));
  }

  @Test
  void aSourceOverItsRateLimitGets429WithRetryAfter() {
    String tenant = Fixtures.newTenant();
    String token =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(Map.of("name", "slow", "settings", Map.of("rateLimit", "1")))
            .post("/api/v1/tenants/{tenant}/sources", tenant)
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    // A rate of 1/s allows a burst of 2; the third request at once is refused.
    for (int i = 0; i < 2; i++) {
      send(tenant, token).then().statusCode(202);
    }
    send(tenant, token)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue());
  }

  @Test
  void theCatalogueListsEveryVendorWithSamples() {
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer("acme"))
        .get("/api/v1/vendors")
        .then()
        .statusCode(200)
        .body("vendor", hasItems("generic", "github", "hpe-com", "fleet"));
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer("acme"))
        .get("/api/v1/vendors/github")
        .then()
        .statusCode(200)
        .body("samples.type", hasItems("github.push", "github.ping"));
    given().get("/api/v1/vendors").then().statusCode(401);
  }

  private static io.restassured.response.Response send(String tenant, String token) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/slow", tenant);
  }
}
