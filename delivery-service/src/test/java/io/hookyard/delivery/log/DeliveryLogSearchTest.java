package io.hookyard.delivery.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.LogRows;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DeliveryTest
class DeliveryLogSearchTest {
  static final String LOG = "/api/v1/tenants/{tenant}/deliveries";

  @Inject DataSource database;

  String tenant;
  LogRows rows;
  Instant now;
  LogRows.Row r1;
  LogRows.Row r2;
  LogRows.Row r3;
  LogRows.Row r4;
  LogRows.Row r5;

  @BeforeEach
  void fillTheLog() {
    tenant = TestTenants.newTenant();
    rows = new LogRows(database);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    r1 = row(5, "SUCCEEDED", 200, "dst_a", "sub_1", "device.locked");
    r2 = row(4, "DEAD", 500, "dst_b", "sub_2", "device.lost");
    r3 = row(3, "FAILING", 503, "dst_a", "sub_2", "device.locked");
    r4 = row(2, "DEAD", 404, "dst_a", "sub_1", "device.enrolled");
    r5 = row(1, "SUCCEEDED", 204, "dst_b", "sub_1", "device.locked");
    rows.insert(r1, r2, r3, r4, r5);
  }

  @Test
  void eachFilterFindsItsDeliveriesNewestFirst() {
    assertEquals(ids(r4, r2), search("status", "dead"));
    assertEquals(ids(r4, r2), search("status", "DEAD"));
    assertEquals(ids(r4, r3, r2), search("status", "dead,failing"));
    assertEquals(ids(r3, r2), search("responseCode", "5xx"));
    assertEquals(ids(r4), search("responseCode", "404"));
    assertEquals(ids(r3), search("deliveryId", r3.id));
    assertEquals(ids(r5, r3, r1), search("eventType", "device.locked"));
    assertEquals(ids(r2), search("eventId", r2.eventId));
    assertEquals(ids(r4, r3, r1), search("destinationId", "dst_a"));
    assertEquals(ids(r3, r2), search("subscriptionId", "sub_2"));
    assertEquals(
        ids(r4, r3),
        search(
            "since", now.minusSeconds(3 * 60).toString(),
            "until", now.minusSeconds(60).toString()));
    assertEquals(ids(r4), search("destinationId", "dst_a", "status", "dead"));
    assertEquals(ids(r5, r4, r3, r2, r1), search());
  }

  @Test
  void deadLettersShowTheirReasonAndTime() {
    JsonPath page = page(Map.of("status", "dead"));
    assertEquals("DEAD", page.getString("items[0].status"));
    assertEquals(404, page.getInt("items[0].lastResponseStatus"));
    assertEquals(r4.createdAt, Instant.parse(page.getString("items[0].deadAt")));
    assertNull(page.get("items[0].event"), "the list leaves the event to the detail view");
    assertNull(page.get("items[0].nextAttemptAt"), "a dead letter is not waiting");
  }

  @Test
  void pagesFollowEachOtherWithoutGapsOrRepeatsWhileNewDeliveriesArrive() {
    JsonPath first = page(Map.of("limit", "2"));
    assertEquals(ids(r5, r4), first.getList("items.id"));
    String cursor = first.getString("nextCursor");

    rows.insert(row(0, "SUCCEEDED", 200, "dst_a", "sub_1", "device.locked"));
    JsonPath second = page(Map.of("limit", "2", "cursor", cursor));
    assertEquals(ids(r3, r2), second.getList("items.id"));
    JsonPath third = page(Map.of("limit", "2", "cursor", second.getString("nextCursor")));
    assertEquals(ids(r1), third.getList("items.id"));
    assertNull(third.getString("nextCursor"));
  }

  @Test
  void deliveriesMadeAtTheSameInstantArePagedOneByOneByTheirIds() {
    String sameTenant = TestTenants.newTenant();
    Instant at = now.minusSeconds(30);
    List<LogRows.Row> twins = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      twins.add(new LogRows.Row(sameTenant).status("SUCCEEDED").createdAt(at));
    }
    rows.insert(twins.toArray(LogRows.Row[]::new));

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> query = new HashMap<>(Map.of("limit", "1"));
      if (cursor != null) {
        query.put("cursor", cursor);
      }
      JsonPath page = page(sameTenant, query);
      seen.addAll(page.getList("items.id"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(
        twins.stream().map(row -> row.id).sorted(java.util.Comparator.reverseOrder()).toList(),
        seen);
  }

  @Test
  void badParametersAre400ProblemsNamingThem() {
    bad(Map.of("status", "lost"), "status");
    bad(Map.of("since", "yesterday"), "since");
    bad(Map.of("responseCode", "99"), "responseCode");
    bad(Map.of("limit", "0"), "limit");
    bad(Map.of("limit", "many"), "limit");
    bad(Map.of("cursor", "bm90LWEtY3Vyc29y"), "cursor");
    bad(Map.of("cursor", "%%%"), "cursor");
    bad(Map.of("since", now.toString(), "until", now.minusSeconds(1).toString()), "until");
  }

  @Test
  void otherTenantsAndStrangersSeeNothing() {
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(TestTenants.newTenant()))
        .get(LOG, tenant)
        .then()
        .statusCode(404);
    given().get(LOG, tenant).then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(TestTenants.newTenant()))
        .get(LOG + "/{id}", tenant, r1.id)
        .then()
        .statusCode(404);
  }

  private void bad(Map<String, String> query, String field) {
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParams(query)
        .get(LOG, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:invalid-query"))
        .body("errors.field", hasItem(field));
  }

  private LogRows.Row row(
      int minutesAgo,
      String status,
      int responseStatus,
      String destination,
      String subscription,
      String eventType) {
    return new LogRows.Row(tenant)
        .status(status)
        .response(responseStatus)
        .destination(destination)
        .subscription(subscription)
        .eventType(eventType)
        .attempts(1)
        .createdAt(now.minusSeconds(60L * minutesAgo));
  }

  private List<String> search(String... parameters) {
    Map<String, String> query = new HashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      query.put(parameters[i], parameters[i + 1]);
    }
    return page(query).getList("items.id");
  }

  private JsonPath page(Map<String, String> query) {
    return page(tenant, query);
  }

  private static JsonPath page(String tenant, Map<String, String> query) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParams(query)
        .get(LOG, tenant)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<String> ids(LogRows.Row... rows) {
    return java.util.Arrays.stream(rows).map(row -> row.id).toList();
  }
}
