package io.hookyard.delivery.destination;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.http.ContentType;
import java.util.List;
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
            .body("kind", equalTo("webhook"))
            .body("method", equalTo("POST"))
            .body("successCodes", equalTo("200-299"))
            .body("fifo", equalTo(false))
            .body("state", equalTo("active"))
            .body("secret", startsWith("whsec_"))
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(PATH, tenant)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].id", equalTo(id))
        .body("[0].secret", nullValue());
  }

  @Test
  void everySettingIsStoredShownAndChangedByPatch() {
    String tenant = TestTenants.newTenant();
    String id =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "teams",
                    "url",
                    "https://hooks.example.com/teams",
                    "method",
                    "PUT",
                    "headers",
                    Map.of("Authorization", "Bearer s3cret", "X-Team", "ops"),
                    "timeoutSeconds",
                    5,
                    "rateLimit",
                    10,
                    "maxConcurrency",
                    4,
                    "retrySchedule",
                    List.of("0s", "30s", "5m", "2h"),
                    "successCodes",
                    "200-299, 409",
                    "fifo",
                    true))
            .post(PATH, tenant)
            .then()
            .statusCode(201)
            .body("headers.Authorization", equalTo("[redacted]"))
            .body("headers.X-Team", equalTo("ops"))
            .body("timeoutSeconds", equalTo(5))
            .body("rateLimit", equalTo(10))
            .body("retrySchedule", equalTo(List.of("0s", "30s", "5m", "2h")))
            .body("successCodes", equalTo("200-299,409"))
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("rateLimit", 0, "retrySchedule", List.of(), "method", "POST", "fifo", false))
        .patch(PATH + "/{id}", tenant, id)
        .then()
        .statusCode(200)
        .body("rateLimit", nullValue())
        .body("retrySchedule", nullValue())
        .body("maxConcurrency", equalTo(4))
        .body("method", equalTo("POST"))
        .body("fifo", equalTo(false));
  }

  @Test
  void pausingAndResumingByHandKeepTheReason() {
    String tenant = TestTenants.newTenant();
    String id = create(tenant, "pausable");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "maintenance until noon"))
        .post(PATH + "/{id}/pause", tenant, id)
        .then()
        .statusCode(200)
        .body("state", equalTo("paused"))
        .body("stateReason", equalTo("maintenance until noon"));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("state", "disabled", "stateReason", "retired"))
        .patch(PATH + "/{id}", tenant, id)
        .then()
        .statusCode(200)
        .body("state", equalTo("disabled"))
        .body("stateReason", equalTo("retired"));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .post(PATH + "/{id}/resume", tenant, id)
        .then()
        .statusCode(200)
        .body("state", equalTo("active"))
        .body("stateReason", nullValue());
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .post(PATH + "/{id}/pause", tenant, id)
        .then()
        .statusCode(403);
  }

  @Test
  void aDeletedDestinationIsGone() {
    String tenant = TestTenants.newTenant();
    String id = create(tenant, "short-lived");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .delete(PATH + "/{id}", tenant, id)
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .get(PATH + "/{id}", tenant, id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void invalidSettingsAreProblems() {
    String tenant = TestTenants.newTenant();
    assertProblem(tenant, Map.of("name", "bad", "url", "ftp://x"), "errors[0].field", "url");
    assertProblem(
        tenant,
        Map.of("name", "bad", "url", "https://x.example.com", "method", "TRACE"),
        "errors[0].field",
        "method");
    assertProblem(
        tenant,
        Map.of("name", "bad", "url", "https://x.example.com", "successCodes", "200-abc"),
        "type",
        "urn:hookyard:problem:invalid-success-codes");
    assertProblem(
        tenant,
        Map.of("name", "bad", "url", "https://x.example.com", "retrySchedule", List.of("5 years")),
        "type",
        "urn:hookyard:problem:invalid-retry-schedule");
    assertProblem(
        tenant,
        Map.of("name", "bad", "url", "https://x.example.com", "headers", Map.of("Host", "evil")),
        "type",
        "urn:hookyard:problem:reserved-header");
    assertProblem(
        tenant,
        Map.of("name", "bad", "url", "https://x.example.com", "timeoutSeconds", 0),
        "errors[0].field",
        "timeoutSeconds");
  }

  @Test
  void internalAddressesAreRefusedOnCreateAndUpdate() {
    String tenant = TestTenants.newTenant();
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/hook",
            "http://[::ffff:169.254.169.254]/",
            "http://[fd00:ec2::254]/")) {
      assertProblem(
          tenant,
          Map.of("name", "internal", "url", url),
          "type",
          "urn:hookyard:problem:blocked-address");
    }
    String id = create(tenant, "public");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("url", "http://192.168.0.10/"))
        .patch(PATH + "/{id}", tenant, id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("192.168.0.10"));
  }

  @Test
  void foreignTenantsAndAnonymousCallersAreRefused() {
    String tenant = TestTenants.newTenant();
    given().auth().oauth2(TestTokens.tenantAdmin("other")).get(PATH, tenant).then().statusCode(404);
    given().get(PATH, tenant).then().statusCode(401);
  }

  @Test
  void theOperationalDestinationMustBelongToTheTenant() {
    String tenant = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("operationalDestinationId", "dst_01J0000000000000000000000"))
        .put("/api/v1/tenants/{tenant}/delivery-settings", tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    String id = create(tenant, "ops");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("operationalDestinationId", id))
        .put("/api/v1/tenants/{tenant}/delivery-settings", tenant)
        .then()
        .statusCode(200)
        .body("operationalDestinationId", equalTo(id));
  }

  private static String create(String tenant, String name) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "url", "https://hooks.example.com/" + name))
        .post(PATH, tenant)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void assertProblem(
      String tenant, Map<String, Object> body, String path, String expected) {
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(body)
        .post(PATH, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(path, equalTo(expected));
  }
}
