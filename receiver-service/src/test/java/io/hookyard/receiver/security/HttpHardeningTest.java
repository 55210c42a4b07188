package io.hookyard.receiver.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Webhook URLs carry the security headers, no cookies and no CORS; the management API refuses
 * oversized bodies and callers that go too fast.
 */
@ReceiverTest
class HttpHardeningTest {

  @Test
  void hookUrlsCarrySecurityHeadersAndNeitherCookiesNorCors() {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "plain");
    Response accepted =
        given()
            .auth()
            .oauth2(token)
            .header("Origin", "https://evil.example")
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/hooks/{tenant}/plain", tenant);
    accepted.then().statusCode(202);
    Response refused =
        given()
            .header("Origin", "https://evil.example")
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/hooks/{tenant}/plain", tenant);
    refused.then().statusCode(401);
    Response preflight =
        given()
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "POST")
            .options("/hooks/{tenant}/plain", tenant);
    for (Response response : new Response[] {accepted, refused, preflight}) {
      response
          .then()
          .header("X-Content-Type-Options", equalTo("nosniff"))
          .header("X-Frame-Options", equalTo("DENY"))
          .header("Referrer-Policy", equalTo("no-referrer"))
          .header("Cache-Control", equalTo("no-store"))
          .header("Set-Cookie", nullValue())
          .header("Access-Control-Allow-Origin", nullValue())
          .header("Access-Control-Allow-Credentials", nullValue());
    }
  }

  @Test
  void anOversizedManagementBodyIsRefusedBeforeItIsRead() {
    String tenant = Fixtures.newTenant();
    String huge = "{\"name\":\"big\",\"description\":\"" + "x".repeat(300_000) + "\"}";
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(huge)
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:payload-too-large"));
  }

  @Test
  void aCallerOverItsRateIsToldToWait() {
    String tenant = Fixtures.newTenant();
    String viewer = TestTokens.token("hasty-" + tenant, "tenant-viewer", tenant);
    int limited = 0;
    Response last = null;
    for (int i = 0; i < 300 && limited == 0; i++) {
      last = given().auth().oauth2(viewer).get("/api/v1/tenants/{tenant}/sources", tenant);
      if (last.statusCode() == 429) {
        limited++;
      }
    }
    assertTrue(limited > 0, "never limited");
    last.then()
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:rate-limited"));
    assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
    // Another caller is not affected.
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(200);
  }
}
