package io.hookyard.receiver.requestlog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hookyard.common.testing.Statements;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An accepted request is logged by its event, not by a request_log row (ADR 44); the request log
 * still shows every request, in one newest-first order, page after page.
 */
@ReceiverTest
class AcceptedRequestLogTest {
  @Inject DataSource database;

  @Test
  void anAcceptedRequestIsItsEventAndWritesNoRowOfItsOwn() throws Exception {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "demo");
    String eventId = send(tenant, token, "{\"n\":1}", null, 202);

    JsonPath entry = page(tenant, null, null).jsonPath();
    assertEquals(1, entry.getList("items").size());
    String requestId = entry.getString("items[0].id");
    assertEquals("req" + eventId.substring(3), requestId, "the event id's time-ordered part");
    assertEquals("ACCEPTED", entry.getString("items[0].verdict"));
    assertEquals(202, entry.getInt("items[0].status"));
    assertEquals("POST", entry.getString("items[0].method"));
    assertEquals(eventId, entry.getString("items[0].eventId"));
    assertNull(entry.get("items[0].body"), "a search leaves bodies out");
    assertEquals(
        0,
        Statements.number(
            database, "select count(*) from receiver.request_log where tenant = ?", tenant));

    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/requests/{id}", tenant, requestId)
        .then()
        .statusCode(200)
        .body("id", equalTo(requestId))
        .body("verdict", equalTo("ACCEPTED"))
        .body("body", equalTo("{\"n\":1}"));
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer("someone-else"))
        .get("/api/v1/tenants/{tenant}/requests/{id}", "someone-else", requestId)
        .then()
        .statusCode(404);
  }

  @Test
  void aDuplicateGetsAnEntryOfItsOwnPointingAtTheFirstEvent() {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "demo");
    String first = send(tenant, token, "{}", "delivery-1", 202);
    assertEquals(first, send(tenant, token, "{}", "delivery-1", 202));

    Fixtures.awaitRequestLog(tenant, 2);
    JsonPath entries = page(tenant, null, null).jsonPath();
    assertEquals(List.of("DUPLICATE", "ACCEPTED"), entries.getList("items.verdict"));
    assertEquals(List.of(first, first), entries.getList("items.eventId"));
    assertEquals(
        List.of("DUPLICATE"),
        page(tenant, "DUPLICATE", null).jsonPath().getList("items.verdict"),
        "a verdict other than ACCEPTED reads request_log alone");
  }

  @Test
  void pagesMergeLoggedAndAcceptedRequestsNewestFirst() {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "demo");
    for (int i = 0; i < 4; i++) {
      send(tenant, token, "{}", null, 202);
      given()
          .auth()
          .oauth2("hyk_wrong")
          .contentType(ContentType.JSON)
          .body("{}")
          .post("/hooks/{tenant}/demo", tenant)
          .then()
          .statusCode(401);
    }
    Fixtures.awaitRequestLog(tenant, 8);
    List<String> all = page(tenant, null, null).jsonPath().getList("items.id");
    assertEquals(8, all.size());
    assertEquals(all.stream().sorted((a, b) -> b.compareTo(a)).toList(), all, "newest first");

    List<String> paged = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath page = page(tenant, null, cursor, 3).jsonPath();
      paged.addAll(page.getList("items.id"));
      verdicts.addAll(page.getList("items.verdict"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(all, paged, "pages of 3 give the same entries, each once");
    assertEquals(4, verdicts.stream().filter("ACCEPTED"::equals).count());
    assertEquals(4, verdicts.stream().filter("REJECTED"::equals).count());
  }

  @Test
  void acceptedRequestsPastTheRetentionAreLeftOut() throws Exception {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "demo");
    String old = send(tenant, token, "{}", null, 202);
    String recent = send(tenant, token, "{}", null, 202);
    // The test profile keeps the request log for 7 days, as production does by default.
    Statements.update(
        database,
        "update receiver.event set received_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(Duration.ofDays(8))),
        old);

    assertEquals(List.of(recent), page(tenant, null, null).jsonPath().getList("items.eventId"));
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/requests/{id}", tenant, "req" + old.substring(3))
        .then()
        .statusCode(404);
  }

  @Test
  void aCursorThatNoPageGaveIsRefused() {
    String tenant = Fixtures.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParam("cursor", "nonsense")
        .get("/api/v1/tenants/{tenant}/requests", tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("invalid-cursor"));
  }

  private static String send(
      String tenant, String token, String body, String idempotencyKey, int status) {
    var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request
        .post("/hooks/{tenant}/demo", tenant)
        .then()
        .statusCode(status)
        .extract()
        .path("id");
  }

  private static Response page(String tenant, String verdict, String cursor) {
    return page(tenant, verdict, cursor, 50);
  }

  private static Response page(String tenant, String verdict, String cursor, int limit) {
    var request = given().auth().oauth2(TestTokens.tenantViewer(tenant)).queryParam("limit", limit);
    if (verdict != null) {
      request.queryParam("verdict", verdict);
    }
    if (cursor != null) {
      request.queryParam("cursor", cursor);
    }
    return request
        .get("/api/v1/tenants/{tenant}/requests", tenant)
        .then()
        .statusCode(200)
        .extract()
        .response();
  }
}
