package io.hookyard.receiver.requestlog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.Statements;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Searching by time and dropping entries past retention find their rows by the time-ordered id
 * (there is no index on the time), and still cut exactly at the time asked for.
 */
@ReceiverTest
class RequestLogTimeTest {
  @Inject DataSource database;
  @Inject RequestLogSearch search;

  @Test
  void searchesByTimeReturnExactlyTheEntriesOfThatRange() throws Exception {
    String tenant = Fixtures.newTenant();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String old = insert(tenant, now.minus(Duration.ofDays(3)));
    String hourAgo = insert(tenant, now.minus(Duration.ofHours(1)));
    // Made within the same second as the bound, on either side of it.
    String justBefore = insert(tenant, now.minusMillis(1));
    String atBound = insert(tenant, now);
    String latest = insert(tenant, now.plusSeconds(5));

    assertEquals(List.of(latest, atBound), ids(tenant, "since", now));
    assertEquals(List.of(justBefore, hourAgo, old), ids(tenant, "until", now));
    // A bound inside the millisecond an id was made in.
    assertEquals(
        List.of(atBound, justBefore, hourAgo, old), ids(tenant, "until", now.plusNanos(500_000)));
    assertEquals(
        List.of(justBefore, hourAgo),
        given()
            .auth()
            .oauth2(TestTokens.tenantViewer(tenant))
            .queryParam("since", now.minus(Duration.ofDays(1)).toString())
            .queryParam("until", now.toString())
            .get("/api/v1/tenants/{tenant}/requests", tenant)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", String.class));
  }

  @Test
  void entriesPastTheRetentionAreDroppedAndTheOthersKept() throws Exception {
    String tenant = Fixtures.newTenant();
    Instant now = Instant.now();
    String expired = insert(tenant, now.minus(Duration.ofDays(8)));
    String kept = insert(tenant, now.minus(Duration.ofDays(6)));

    search.dropExpired();

    assertEquals(List.of(kept), ids(tenant, "since", now.minus(Duration.ofDays(30))));
    assertEquals(
        0,
        Statements.number(
            database, "select count(*) from receiver.request_log where id = ?", expired));
  }

  private String insert(String tenant, Instant at) throws Exception {
    String id = Ids.newId(Ids.REQUEST, Clock.fixed(at, ZoneOffset.UTC));
    Statements.update(
        database,
        "insert into receiver.request_log (id, tenant, source_id, received_at, method, verdict,"
            + " status, headers) values (?, ?, 'src_test', ?, 'POST', 'REJECTED', 401, '{}')",
        id,
        tenant,
        Timestamp.from(at));
    return id;
  }

  private static List<String> ids(String tenant, String bound, Instant at) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParam(bound, at.toString())
        .get("/api/v1/tenants/{tenant}/requests", tenant)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id", String.class);
  }
}
