package io.hookyard.rules.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.rules.RulesTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every change to a tenant's subscriptions is in its audit trail, with who made it and how. */
@RulesTest
class AuditTrailTest {

  @Test
  void subscriptionChangesAreAudited() {
    String tenant = TestTenants.newTenant();
    String admin = TestTokens.tenantAdmin(tenant);
    Map<String, Object> subscription =
        Map.of("name", "audited", "eventTypes", List.of("device.*"), "destinationId", "dst_a");
    String id =
        given()
            .auth()
            .oauth2(admin)
            .contentType(ContentType.JSON)
            .body(subscription)
            .post("/api/v1/tenants/{tenant}/subscriptions", tenant)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "audited", "eventTypes", List.of("user.*"), "destinationId", "dst_a"))
        .put("/api/v1/tenants/{tenant}/subscriptions/{id}", tenant, id)
        .then()
        .statusCode(200);
    // Refused: the filter does not compile. Nothing is written, the trail included.
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "audited",
                "eventTypes",
                List.of("*"),
                "destinationId",
                "dst_a",
                "filter",
                "data/x eq"))
        .put("/api/v1/tenants/{tenant}/subscriptions/{id}", tenant, id)
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(admin)
        .delete("/api/v1/tenants/{tenant}/subscriptions/{id}", tenant, id)
        .then()
        .statusCode(204);

    given()
        .auth()
        .oauth2(TestTokens.hookyardAdmin())
        .get("/api/v1/tenants/{tenant}/audit/rules-service", tenant)
        .then()
        .statusCode(200)
        .body("entries.action", contains("delete", "replace", "create"))
        .body("entries[1].diff.eventTypes.from", contains("device.*"))
        .body("entries[1].diff.eventTypes.to", contains("user.*"))
        .body("entries[1].subject", equalTo("admin-of-" + tenant))
        .body("entries[1].client", equalTo(TestTokens.TEST_CLIENT))
        .body("entries[2].diff.name.to", equalTo("audited"));
  }
}
