package io.hookyard.delivery.delivery;

import static io.hookyard.delivery.DeliveryApi.createDestination;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.Statements;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.LogRows;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A claim writes only the lease, which no index covers, so PostgreSQL updates each claimed row in
 * place (a HOT update) and adds no index entry (ADR 42). The claim runs inside a transaction that
 * is rolled back, whose own statistics say how its rows were updated; the worker never sees the
 * rows due.
 */
@DeliveryTest
class ClaimInPlaceTest {
  @Inject DataSource database;
  @Inject DeliveryQueue queue;
  @Inject UserTransaction transaction;

  @Test
  void aClaimUpdatesEveryClaimedRowInPlace() throws Exception {
    String tenant = TestTenants.newTenant();
    String destinationId = createDestination(tenant, "in-place", "http://127.0.0.1:9/never");
    LogRows.Row[] rows =
        Stream.generate(() -> new LogRows.Row(tenant).status("PENDING").destination(destinationId))
            .limit(5)
            .toArray(LogRows.Row[]::new);
    new LogRows(database).insert(rows);
    List<String> ids = Stream.of(rows).map(row -> row.id).toList();

    transaction.begin();
    try {
      Statements.update(
          database,
          "update delivery.delivery set next_attempt_at = now() - interval '1 second'"
              + " where id = any(?)",
          (Object) ids.toArray(String[]::new));
      // The counter can also hold this connection's earlier transactions not yet reported to
      // the statistics, so the claim's share is the difference.
      long before = inPlaceUpdates();
      List<Claim> claims = queue.claimDue(100);
      long inPlace = inPlaceUpdates() - before;

      assertTrue(
          claims.stream().map(Claim::deliveryId).toList().containsAll(ids),
          "the claim took the rows that fell due: " + claims);
      assertEquals(claims.size(), inPlace, "every claimed row was updated in place");
    } finally {
      transaction.rollback();
    }
  }

  private long inPlaceUpdates() throws Exception {
    return Statements.number(
        database, "select pg_stat_get_xact_tuples_hot_updated('delivery.delivery'::regclass)");
  }
}
