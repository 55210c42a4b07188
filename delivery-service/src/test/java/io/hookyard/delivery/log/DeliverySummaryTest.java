package io.hookyard.delivery.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.LogRows;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DeliveryTest
class DeliverySummaryTest {
  static final String SUMMARY = "/api/v1/tenants/{tenant}/deliveries/summary";

  @Inject DataSource database;

  String tenant;
  Instant hour0;

  /**
   * Three hours ago: two succeeded and one dead; two hours ago: one failing and one pending; one
   * delivery to another destination in the first hour; nothing after.
   */
  @BeforeEach
  void fillTheLog() {
    tenant = TestTenants.newTenant();
    hour0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
    LogRows rows = new LogRows(database);
    rows.insert(
        at(10, "SUCCEEDED"),
        at(40, "SUCCEEDED"),
        at(50, "DEAD"),
        at(70, "FAILING"),
        at(80, "PENDING"),
        at(20, "DEAD").destination("dst_other"));
  }

  @Test
  void hourlyTotalsCountEachDeliveryOnceInItsHourByItsStatusNow() {
    JsonPath summary =
        summary(
            Map.of(
                "period",
                "hour",
                "since",
                hour0.toString(),
                "until",
                hour0.plus(4, ChronoUnit.HOURS).toString(),
                "destinationId",
                "dst_main"));
    assertEquals("HOUR", summary.getString("period"));
    assertEquals(List.of(5, 2, 1, 1, 1), totals(summary, "totals"));
    assertEquals(4, summary.getList("buckets").size(), "empty hours are listed too");
    assertEquals(hour0, Instant.parse(summary.getString("buckets[0].start")));
    assertEquals(List.of(3, 2, 0, 0, 1), totals(summary, "buckets[0].totals"));
    assertEquals(List.of(2, 0, 1, 1, 0), totals(summary, "buckets[1].totals"));
    assertEquals(List.of(0, 0, 0, 0, 0), totals(summary, "buckets[2].totals"));
    assertEquals(List.of(0, 0, 0, 0, 0), totals(summary, "buckets[3].totals"));
  }

  @Test
  void theRangeBoundsCountEvenInsideAPeriod() {
    JsonPath summary =
        summary(
            Map.of(
                "period", "hour",
                "since", hour0.plus(30, ChronoUnit.MINUTES).toString(),
                "until", hour0.plus(75, ChronoUnit.MINUTES).toString()));
    assertEquals(2, summary.getList("buckets").size());
    assertEquals(hour0, Instant.parse(summary.getString("buckets[0].start")));
    assertEquals(List.of(2, 1, 0, 0, 1), totals(summary, "buckets[0].totals"));
    assertEquals(List.of(1, 0, 1, 0, 0), totals(summary, "buckets[1].totals"));
  }

  @Test
  void dailyTotalsAddUpToTheSameFigures() {
    JsonPath summary =
        summary(
            Map.of(
                "since", hour0.minus(2, ChronoUnit.DAYS).toString(),
                "until", hour0.plus(4, ChronoUnit.HOURS).toString()));
    assertEquals("DAY", summary.getString("period"));
    assertEquals(List.of(6, 2, 1, 1, 2), totals(summary, "totals"));
    int sumOfDays = summary.<Integer>getList("buckets.totals.all").stream().mapToInt(i -> i).sum();
    assertEquals(6, sumOfDays);
  }

  @Test
  void badSummaryRequestsAre400Problems() {
    bad(Map.of("period", "week"), "period");
    bad(Map.of("period", "hour", "since", "2020-01-01T00:00:00Z"), "since");
    bad(Map.of("since", "soon"), "since");
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(TestTenants.newTenant()))
        .get(SUMMARY, tenant)
        .then()
        .statusCode(404);
  }

  private void bad(Map<String, String> query, String field) {
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParams(query)
        .get(SUMMARY, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field))
        .body("type", equalTo("urn:hookyard:problem:invalid-query"));
  }

  private LogRows.Row at(int minutesAfterHour0, String status) {
    return new LogRows.Row(tenant)
        .status(status)
        .destination("dst_main")
        .createdAt(hour0.plus(minutesAfterHour0, ChronoUnit.MINUTES));
  }

  private JsonPath summary(Map<String, String> query) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParams(query)
        .get(SUMMARY, tenant)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** all, succeeded, failed, pending, dead. */
  private static List<Integer> totals(JsonPath summary, String path) {
    return List.of(
        summary.getInt(path + ".all"),
        summary.getInt(path + ".succeeded"),
        summary.getInt(path + ".failed"),
        summary.getInt(path + ".pending"),
        summary.getInt(path + ".dead"));
  }
}
