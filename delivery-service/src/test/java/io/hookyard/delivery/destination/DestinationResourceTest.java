package io.hookyard.delivery.destination;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DeliveryTest
class DestinationResourceTest {
  static final String PATH = "/api/v1/tenants/{tenant}/destinations";

  @Test
  void aTenantAdminCreatesADestinationAndAViewerReadsIt() {
    String tenant = TestTenants.newTenant();
    String id =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(Map.of("name", "echo", "url", "https://hooks.example.com/in"))
            .post(PATH, tenant)
            .then()
            .statusCode(201)
            .body("id", startsWith("dst_"))
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(PATH, tenant)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].id", equalTo(id));
  }

  @Test
  void invalidUrlsAndForeignTenantsAreRefused() {
    String tenant = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "bad", "url", "ftp://x"))
        .post(PATH, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("url"));
    given().auth().oauth2(TestTokens.tenantAdmin("other")).get(PATH, tenant).then().statusCode(404);
    given().get(PATH, tenant).then().statusCode(401);
  }
}
