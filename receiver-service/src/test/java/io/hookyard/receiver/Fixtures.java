package io.hookyard.receiver;

import static io.restassured.RestAssured.given;

import io.hookyard.common.testing.TestTokens;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Per-test data: every test works in a tenant of its own, so tests never see each other. */
public final class Fixtures {
  private Fixtures() {}

  public static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** Creates a generic source and returns its one-time token. */
  public static String createSource(String tenant, String name) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", name))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }
}
