package io.hookyard.delivery.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.LogRows;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The retention (30 days by default) against rows written with old times. */
@DeliveryTest
class LogRetentionTest {
  @Inject DataSource database;
  @Inject LogRetention retention;
  @Inject RetentionJob job;

  @Test
  void finishedDeliveriesPastTheRetentionGoInBoundedBatchesWithTheirAttempts() {
    String tenant = TestTenants.newTenant();
    LogRows rows = new LogRows(database);
    Instant longAgo = Instant.now().minus(40, ChronoUnit.DAYS);
    List<LogRows.Row> expired = new ArrayList<>();
    for (int i = 0; i < retention.batchSize() + 11; i++) {
      String status = i % 2 == 0 ? "SUCCEEDED" : "DEAD";
      expired.add(new LogRows.Row(tenant).status(status).attempts(2).createdAt(longAgo));
    }
    LogRows.Row oldButFailing =
        new LogRows.Row(tenant).status("FAILING").attempts(2).createdAt(longAgo);
    LogRows.Row oldButPending = new LogRows.Row(tenant).status("PENDING").createdAt(longAgo);
    LogRows.Row finishedYesterday =
        new LogRows.Row(tenant)
            .status("SUCCEEDED")
            .attempts(1)
            .createdAt(longAgo)
            .completedAt(Instant.now().minus(1, ChronoUnit.DAYS));
    List<LogRows.Row> all = new ArrayList<>(expired);
    all.addAll(List.of(oldButFailing, oldButPending, finishedYesterday));
    rows.insert(all.toArray(LogRows.Row[]::new));
    expired.forEach(row -> rows.attempts(tenant, row.id, 2));
    rows.attempts(tenant, oldButFailing.id, 2);
    rows.attempts(tenant, finishedYesterday.id, 1);
    String oldReplay = replay(rows, tenant, longAgo);
    String newReplay = replay(rows, tenant, Instant.now());

    LogRetention.Dropped first = retention.dropBatch();
    assertEquals(retention.batchSize(), first.deliveries(), "one batch is one batch size");
    assertEquals(2 * retention.batchSize(), first.attempts());
    job.run();

    assertEquals(3, rows.count("select count(*) from delivery.delivery where tenant = ?", tenant));
    assertEquals(
        3,
        rows.count(
            "select count(*) from delivery.delivery where id in (?, ?, ?)",
            oldButFailing.id,
            oldButPending.id,
            finishedYesterday.id),
        "unfinished deliveries stay however old, finished ones until the retention is up");
    assertEquals(
        3,
        rows.count("select count(*) from delivery.attempt where tenant = ?", tenant),
        "the deliveries kept keep their attempts");
    assertEquals(0, rows.count("select count(*) from delivery.replay where id = ?", oldReplay));
    assertEquals(1, rows.count("select count(*) from delivery.replay where id = ?", newReplay));
  }

  private static String replay(LogRows rows, String tenant, Instant at) {
    String id = Ids.newId(Ids.REPLAY);
    rows.update(
        "insert into delivery.replay (id, tenant, delivery_id, include_succeeded,"
            + " request_fingerprint, requested_by, created_at) values (?, ?, 'dlv_x', false,"
            + " 'f', 'test', ?)",
        id,
        tenant,
        at);
    return id;
  }
}
