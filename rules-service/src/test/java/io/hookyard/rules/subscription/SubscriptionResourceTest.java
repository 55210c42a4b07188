package io.hookyard.rules.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.rules.DeliveryStub;
import io.hookyard.rules.RulesTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RulesTest
class SubscriptionResourceTest {
  static final String PATH = "/api/v1/tenants/{tenant}/subscriptions";

  @Test
  void aTenantAdminCreatesReadsReplacesAndDeletesASubscription() {
    String tenant = TestTenants.newTenant();
    String admin = TestTokens.tenantAdmin(tenant);
    String id =
        given()
            .auth()
            .oauth2(admin)
            .contentType(ContentType.JSON)
            .body(body("os-updates", List.of("fleet.*")))
            .post(PATH, tenant)
            .then()
            .statusCode(201)
            .body("id", startsWith("sub_"))
            .body("enabled", equalTo(true))
            .body("eventTypes", equalTo(List.of("fleet.*")))
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(PATH, tenant)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].name", equalTo("os-updates"));

    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(body("os-updates", List.of("fleet.failing_policies")))
        .put(PATH + "/{id}", tenant, id)
        .then()
        .statusCode(200)
        .body("eventTypes", equalTo(List.of("fleet.failing_policies")));

    given().auth().oauth2(admin).delete(PATH + "/{id}", tenant, id).then().statusCode(204);
    given().auth().oauth2(admin).get(PATH + "/{id}", tenant, id).then().statusCode(404);
  }

  @Test
  void managementNeedsATokenOfTheTenantWithTheRightRole() {
    String tenant = TestTenants.newTenant();
    given().get(PATH, tenant).then().statusCode(401).contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin("another-tenant"))
        .get(PATH, tenant)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .contentType(ContentType.JSON)
        .body(body("x", List.of("*")))
        .post(PATH, tenant)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void invalidEventTypePatternsAreRefused() {
    String tenant = TestTenants.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(body("bad", List.of("fleet.*.x y")))
        .post(PATH, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("eventTypes"));
  }

  @Test
  void aFilterThatDoesNotParseIsA400NamingThePosition() {
    String tenant = TestTenants.newTenant();
    Map<String, Object> request = new java.util.HashMap<>(body("bad-filter", List.of("*")));
    request.put("filter", "type eq 'compute-ops/server' and (old/name eq 'x'");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(request)
        .post(PATH, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("filter"))
        .body("errors[0].message", org.hamcrest.Matchers.startsWith("line 1, column "));
  }

  @Test
  void aDestinationTheTenantDoesNotHaveIsA400AndNothingIsSaved() {
    String tenant = TestTenants.newTenant();
    String admin = TestTokens.tenantAdmin(tenant);
    Map<String, Object> request = new java.util.HashMap<>(body("to-nowhere", List.of("*")));
    request.put("destinationId", DeliveryStub.MISSING);
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(request)
        .post(PATH, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("destinationId"));
    String lookup = "/internal/v1/tenants/" + tenant + "/destinations/" + DeliveryStub.MISSING;
    assertTrue(
        DeliveryStub.server.refused().stream().anyMatch(r -> r.path().equals(lookup)),
        "the destination was looked up in the subscription's tenant");
    given().auth().oauth2(admin).get(PATH, tenant).then().statusCode(200).body("$", hasSize(0));
  }

  @Test
  void whenDeliveryServiceCannotConfirmTheDestinationTheAnswerIsA503() {
    String tenant = TestTenants.newTenant();
    Map<String, Object> request = new java.util.HashMap<>(body("unchecked", List.of("*")));
    request.put("destinationId", DeliveryStub.UNCHECKABLE);
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(request)
        .post(PATH, tenant)
        .then()
        .statusCode(503)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue())
        .contentType("application/problem+json");
  }

  @Test
  void anActionWithABadTemplateOrConditionIsA400NamingTheField() {
    String tenant = TestTenants.newTenant();
    Map<String, Object> step =
        Map.of(
            "name", "notify",
            "destinationId", "dst_slack",
            "condition", "host_id eq",
            "body", "{\"text\": {#if data.x}}");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", "bad-action",
                "eventTypes", List.of("*"),
                "action", Map.of("steps", List.of(step))))
        .post(PATH, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("action.steps[0].body"))
        .body("errors.field", hasItem("action.steps[0].condition"))
        .body("errors.find { it.field == 'action.steps[0].body' }.message", startsWith("line 1"));
  }

  @Test
  void aDestinationAndAnActionTogetherAreA400() {
    String tenant = TestTenants.newTenant();
    Map<String, Object> request = new java.util.HashMap<>(body("both", List.of("*")));
    request.put(
        "action",
        Map.of("steps", List.of(Map.of("name", "s", "destinationId", "d", "preset", "SLACK"))));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(request)
        .post(PATH, tenant)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("action"));
  }

  private static Map<String, Object> body(String name, List<String> types) {
    return Map.of("name", name, "eventTypes", types, "destinationId", "dst_echo");
  }
}
