package io.hookyard.delivery.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DeliveryTest
class CredentialResourceTest {
  private static final String CREDENTIALS = "/api/v1/tenants/{tenant}/credentials";
  private static final String TOKEN = "fleet-api-token-5f2b9c1d";

  @Test
  void theSecretIsReturnedOnceWhenCreatedAndNeverListedOrRead() {
    String tenant = TestTenants.newTenant();
    String id =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(Map.of("name", "fleet", "kind", "api_token", "token", TOKEN))
            .post(CREDENTIALS, tenant)
            .then()
            .statusCode(201)
            .body("secret", equalTo(TOKEN))
            .body("kind", equalTo("api_token"))
            .extract()
            .path("id");

    String listed =
        given()
            .auth()
            .oauth2(TestTokens.tenantViewer(tenant))
            .get(CREDENTIALS, tenant)
            .then()
            .statusCode(200)
            .body("name", hasItem("fleet"))
            .extract()
            .asString();
    assertFalse(listed.contains(TOKEN));
    String read =
        given()
            .auth()
            .oauth2(TestTokens.tenantViewer(tenant))
            .get(CREDENTIALS + "/{id}", tenant, id)
            .then()
            .statusCode(200)
            .body("secret", nullValue())
            .body("name", equalTo("fleet"))
            .extract()
            .asString();
    assertFalse(read.contains(TOKEN));
  }

  @Test
  void eachKindNeedsItsFieldsAndBadInputIsAProblem() {
    String tenant = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "idp", "kind", "oauth2", "clientId", "hookyard"))
        .post(CREDENTIALS, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("tokenUrl"))
        .body("errors.field", hasItem("clientSecret"));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x", "kind", "kerberos", "token", "t"))
        .post(CREDENTIALS, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "h", "kind", "header", "header", "Content-Type", "value", "v"))
        .post(CREDENTIALS, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("header"));
  }

  @Test
  void viewersCannotWriteAndOtherTenantsSeeNothing() {
    String tenant = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "fleet", "kind", "api_token", "token", TOKEN))
        .post(CREDENTIALS, tenant)
        .then()
        .statusCode(403);
    String id =
        io.hookyard.delivery.ActionRequests.createCredential(
            tenant, Map.of("name", "fleet", "kind", "api_token", "token", TOKEN));
    String other = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(other))
        .get(CREDENTIALS + "/{id}", tenant, id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(other))
        .get(CREDENTIALS + "/{id}", other, id)
        .then()
        .statusCode(404);
  }

  @Test
  void aCredentialIsReplacedAndCannotBeDeletedWhileADestinationUsesIt() {
    String tenant = TestTenants.newTenant();
    String id =
        io.hookyard.delivery.ActionRequests.createCredential(
            tenant, Map.of("name", "basic", "kind", "basic", "username", "u", "password", "p1"));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "basic", "kind", "basic", "username", "u2", "password", "p2"))
        .put(CREDENTIALS + "/{id}", tenant, id)
        .then()
        .statusCode(200)
        .body("username", equalTo("u2"))
        .body("secret", nullValue())
        .body(not(containsString("p2")));
    String destination =
        io.hookyard.delivery.ActionRequests.createDestination(
            tenant, "api", "http://127.0.0.1:9/", Map.of("credentialId", id));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .delete(CREDENTIALS + "/{id}", tenant, id)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("credentialId", ""))
        .patch("/api/v1/tenants/{tenant}/destinations/{id}", tenant, destination)
        .then()
        .statusCode(200)
        .body("credentialId", nullValue());
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .delete(CREDENTIALS + "/{id}", tenant, id)
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .get(CREDENTIALS + "/{id}", tenant, id)
        .then()
        .statusCode(404);
  }

  @Test
  void aDestinationCannotNameAnotherTenantsCredential() {
    String owner = TestTenants.newTenant();
    String id =
        io.hookyard.delivery.ActionRequests.createCredential(
            owner, Map.of("name", "fleet", "kind", "api_token", "token", TOKEN));
    String tenant = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "api", "url", "http://127.0.0.1:9/", "credentialId", id))
        .post("/api/v1/tenants/{tenant}/destinations", tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
