package io.hookyard.receiver.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every change to a tenant's sources is in its audit trail: who, what, how, never a secret. */
@ReceiverTest
class AuditTrailTest {

  @Test
  void changesAreAuditedWithTheCallerAndAMaskedDiff() {
    String tenant = Fixtures.newTenant();
    String admin = TestTokens.tenantAdmin(tenant);
    String id =
        given()
            .auth()
            .oauth2(admin)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "audited"))
            .post("/api/v1/tenants/{tenant}/sources", tenant)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String secret =
        given()
            .auth()
            .oauth2(admin)
            .contentType(ContentType.JSON)
            .body(Map.of())
            .post("/api/v1/tenants/{tenant}/sources/{id}/rotate-secret", tenant, id)
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("enabled", false))
        .patch("/api/v1/tenants/{tenant}/sources/{id}", tenant, id)
        .then()
        .statusCode(200);
    // A refused change leaves no entry: the trail is written in the change's transaction.
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "audited"))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(409);

    given()
        .auth()
        .oauth2(admin)
        .get("/api/v1/tenants/{tenant}/audit/receiver-service", tenant)
        .then()
        .statusCode(200)
        .body("entries.action", contains("update", "rotate-secret", "create"))
        .body("entries.resourceId", contains(id, id, id))
        .body("entries.resourceType", contains("source", "source", "source"))
        .body("entries[0].subject", equalTo("admin-of-" + tenant))
        .body("entries[0].client", equalTo(TestTokens.TEST_CLIENT))
        .body("entries[0].diff.enabled.from", equalTo(true))
        .body("entries[0].diff.enabled.to", equalTo(false))
        .body("entries[1].diff.secret.to", equalTo("[masked]"))
        .body("entries[2].diff.name.to", equalTo("audited"))
        .body(not(containsString(secret)));

    given()
        .auth()
        .oauth2(admin)
        .queryParam("limit", 1)
        .get("/api/v1/tenants/{tenant}/audit/receiver-service", tenant)
        .then()
        .statusCode(200)
        .body("entries.action", contains("update"))
        .body("next", not(nullValue()));
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/audit/receiver-service", tenant)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(Fixtures.newTenant()))
        .get("/api/v1/tenants/{tenant}/audit/receiver-service", tenant)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(admin)
        .queryParam("before", "nonsense")
        .get("/api/v1/tenants/{tenant}/audit/receiver-service", tenant)
        .then()
        .statusCode(400);
  }
}
