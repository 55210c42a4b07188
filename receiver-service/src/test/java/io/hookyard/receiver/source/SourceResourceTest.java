package io.hookyard.receiver.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ReceiverTest
class SourceResourceTest {

  @Test
  void aTenantAdminCreatesASourceAndSeesItsTokenOnce() {
    String tenant = Fixtures.newTenant();
    String id =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(Map.of("name", "fleet", "description", "Fleet calendar webhook"))
            .post("/api/v1/tenants/{tenant}/sources", tenant)
            .then()
            .statusCode(201)
            .header("Location", startsWith("http"))
            .body("id", startsWith("src_"))
            .body("vendor", equalTo("generic"))
            .body("url", equalTo("http://localhost:8081/hooks/" + tenant + "/fleet"))
            .body("secret", startsWith("hyk_"))
            .body("activeSecrets", equalTo(1))
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].id", equalTo(id))
        .body("[0].secret", nullValue());
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/sources/{id}", tenant, id)
        .then()
        .statusCode(200)
        .body("secret", nullValue());
  }

  @Test
  void withoutATokenTheManagementApiAnswers401() {
    given()
        .get("/api/v1/tenants/{tenant}/sources", "acme")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void anotherTenantsTokenSeesNothing() {
    String tenant = Fixtures.newTenant();
    Fixtures.createSource(tenant, "demo");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin("someone-else"))
        .get("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aViewerCannotCreate() {
    String tenant = Fixtures.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "demo"))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aHookyardAdminSeesEveryTenant() {
    String tenant = Fixtures.newTenant();
    Fixtures.createSource(tenant, "demo");
    given()
        .auth()
        .oauth2(TestTokens.hookyardAdmin())
        .get("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(200)
        .body("$", hasSize(1));
  }

  @Test
  void invalidInputIsA400WithTheFieldNamed() {
    String tenant = Fixtures.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Not A Slug!"))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("name"))
        .body("errors[0].message", notNullValue());
  }

  @Test
  void duplicateNamesAndUnknownVendorsAreRefused() {
    String tenant = Fixtures.newTenant();
    Fixtures.createSource(tenant, "demo");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "demo"))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:hookyard:problem:source-exists"));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "other", "vendor", "nope"))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:hookyard:problem:unknown-vendor"));
  }

  @Test
  void malformedJsonOnTheManagementApiIsA400Problem() {
    String tenant = Fixtures.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body("{\"name\":")
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
