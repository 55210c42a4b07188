package io.hookyard.delivery.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.testing.Api;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes to destinations and settings are in the tenant's audit trail, credentials masked. */
@DeliveryTest
class AuditTrailTest {
  final Api api = new Api(TestTenants.newTenant());

  @Test
  void destinationChangesAreAuditedWithoutTheirSecrets() {
    String admin = TestTokens.tenantAdmin(api.tenant());
    var created =
        api.createDestination(
            "audited",
            "http://127.0.0.1:9/in",
            Map.of("headers", Map.of("Authorization", "Bearer audited-credential")));
    String id = created.getString("id");
    String secret = created.getString("secret");
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "maintenance"))
        .post(Api.DESTINATIONS + "/{id}/pause", api.tenant(), id)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("operationalDestinationId", id))
        .put("/api/v1/tenants/{tenant}/delivery-settings", api.tenant())
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(admin)
        .delete(Api.DESTINATIONS + "/{id}", api.tenant(), id)
        .then()
        .statusCode(204);

    given()
        .auth()
        .oauth2(admin)
        .get("/api/v1/tenants/{tenant}/audit/delivery-service", api.tenant())
        .then()
        .statusCode(200)
        .body("entries.action", contains("delete", "replace", "pause", "create"))
        .body(
            "entries.resourceType",
            contains("destination", "delivery-settings", "destination", "destination"))
        .body("entries[2].diff.state.to", equalTo("paused"))
        .body("entries[3].subject", equalTo("admin-of-" + api.tenant()))
        .body("entries[3].client", equalTo(TestTokens.TEST_CLIENT))
        .body("entries[3].diff.secret.to", equalTo("[masked]"))
        .body("entries[3].diff.headers.to.Authorization", equalTo("[masked]"))
        .body(not(containsString(secret)))
        .body(not(containsString("audited-credential")));
  }
}
