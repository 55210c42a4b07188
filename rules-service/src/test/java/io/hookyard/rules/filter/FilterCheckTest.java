package io.hookyard.rules.filter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.rules.RulesTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RulesTest
class FilterCheckTest {
  static final String CHECK = "/api/v1/tenants/{tenant}/filters/check";

  final String tenant = TestTenants.newTenant();

  @Test
  void aValidFilterHasNoPosition() {
    check(TestTokens.tenantViewer(tenant), "data/severity eq 'critical'")
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("line", nullValue());
  }

  @Test
  void aMalformedFilterSaysWhereAndWhy() {
    check(TestTokens.tenantAdmin(tenant), "data/a eq 1 and\n  (data/b eq 2")
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("line", equalTo(2))
        .body("column", equalTo(15))
        .body("offset", equalTo(30))
        .body("reason", org.hamcrest.Matchers.containsString("')'"));
  }

  @Test
  void anotherTenantsFilterCheckIsNotFound() {
    check(TestTokens.tenantAdmin(TestTenants.newTenant()), "true").statusCode(404);
  }

  @Test
  void aMissingFilterIsABadRequest() {
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(CHECK, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private ValidatableResponse check(String token, String filter) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("filter", filter))
        .post(CHECK, tenant)
        .then();
  }
}
