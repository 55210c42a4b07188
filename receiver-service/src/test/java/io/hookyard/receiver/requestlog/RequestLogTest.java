package io.hookyard.receiver.requestlog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@ReceiverTest
class RequestLogTest {

  @Test
  void everyRequestIsLoggedWithItsVerdictAndReasonAndNoSecret() {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "demo");
    given()
        .auth()
        .oauth2("hyk_wrong-token")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(401);
    String eventId =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"device\":\"mac-1\"}")
            .post("/hooks/{tenant}/demo", tenant)
            .then()
            .statusCode(202)
            .extract()
            .path("id");

    // Entries of requests that stored nothing are written in the next group commit.
    Fixtures.awaitRequestLog(tenant, 2);
    var page =
        given()
            .auth()
            .oauth2(TestTokens.tenantViewer(tenant))
            .get("/api/v1/tenants/{tenant}/requests", tenant)
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .body("items[0].verdict", equalTo("ACCEPTED"))
            .body("items[0].eventId", equalTo(eventId))
            .body("items[0].headers.authorization[0]", equalTo("[redacted]"))
            .body("items[1].verdict", equalTo("REJECTED"))
            .body("items[1].status", equalTo(401))
            .body("items[1].reason", equalTo("wrong-secret"))
            .body("items[1].headers.authorization[0]", equalTo("[redacted]"))
            .body(not(containsString(token)))
            .extract();

    String acceptedId = page.path("items[0].id");
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/requests/{id}", tenant, acceptedId)
        .then()
        .statusCode(200)
        .body("body", equalTo("{\"device\":\"mac-1\"}"));

    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParam("verdict", "REJECTED")
        .get("/api/v1/tenants/{tenant}/requests", tenant)
        .then()
        .statusCode(200)
        .body("items", hasSize(1));
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer("someone-else"))
        .get("/api/v1/tenants/{tenant}/requests", tenant)
        .then()
        .statusCode(404);
  }
}
