package io.hookyard.receiver;

import static io.restassured.RestAssured.given;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.restassured.http.ContentType;
import java.util.Map;

/** Per-test data for the receiver's tests. */
public final class Fixtures {
  private Fixtures() {}

  public static String newTenant() {
    return TestTenants.newTenant();
  }

  /** Creates a generic source and returns its one-time secret (its token). */
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
        .path("secret");
  }
}
