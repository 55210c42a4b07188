package io.hookyard.receiver.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.testing.Statements;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.requestlog.RequestLogEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One bad row in a group commit must not fail the others: the batch is written again row by row,
 * every good request still commits, and the bad one alone is refused.
 */
@ReceiverTest
class GroupCommitIsolationTest {
  @Inject AgroalDataSource dataSource;
  @Inject ReceiverConfig config;
  @Inject StoredEventRepository events;

  @ConfigProperty(name = "quarkus.flyway.schemas")
  String schema;

  String tenant;
  String sourceId;

  @BeforeEach
  void createSource() {
    tenant = Fixtures.newTenant();
    Fixtures.createSource(tenant, "demo");
    sourceId =
        given()
            .auth()
            .oauth2(TestTokens.tenantViewer(tenant))
            .get("/api/v1/tenants/{tenant}/sources", tenant)
            .then()
            .extract()
            .path("[0].id");
  }

  @Test
  void aBadRowFailsAloneAndTheRestOfTheBatchCommits() throws Exception {
    // A committer of the test's own, so the batch is exactly the one given (the service's
    // committers gather whatever requests happen to arrive together).
    GroupCommitter committer = new GroupCommitter(dataSource, config, schema);
    List<GroupCommitter.EventWrite> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // PostgreSQL text cannot hold NUL: the third event's type is refused by the database.
      batch.add(write(i == 2 ? "device\0broken" : "device.ok." + i));
    }

    committer.commit(new ArrayList<GroupCommitter.Write>(batch));

    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<AcceptedEvent> done = batch.get(i).done();
      assertTrue(done.isDone(), "write " + i + " got its answer");
      if (i == 2) {
        ExecutionException failed =
            org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> done.get(1, TimeUnit.SECONDS));
        ProblemException problem = assertInstanceOf(ProblemException.class, failed.getCause());
        assertEquals(400, problem.problem().status());
        String badId = batch.get(i).event().id;
        assertNull(QuarkusTransaction.requiringNew().call(() -> events.findById(badId)));
      } else {
        AcceptedEvent accepted = done.get(1, TimeUnit.SECONDS);
        assertFalse(accepted.duplicate());
        StoredEvent stored =
            QuarkusTransaction.requiringNew().call(() -> events.findById(accepted.id()));
        assertNotNull(stored, "write " + i + " committed");
        assertEquals("device.ok." + i, stored.type);
      }
    }
  }

  @Test
  void aBadLogEntryFailsAloneAndDuplicatesAreAnsweredAfterTheirLogEntry() throws Exception {
    GroupCommitter committer = new GroupCommitter(dataSource, config, schema);
    GroupCommitter.EventWrite first = write("device.first");
    first.event().vendorDeliveryId = "delivery-" + tenant;
    committer.commit(List.of(first));
    String firstId = first.done().get(1, TimeUnit.SECONDS).id();
    GroupCommitter.EventWrite again = write("device.again");
    again.event().vendorDeliveryId = first.event().vendorDeliveryId;
    GroupCommitter.EventWrite fresh = write("device.fresh");
    RequestLogEntry good = rejection("bad-signature");
    // PostgreSQL text cannot hold NUL: this entry alone is refused by the database.
    RequestLogEntry bad = rejection("bad\0reason");
    // Counted on the committer's thread at the moment the duplicate is answered.
    CompletableFuture<Long> loggedWhenAnswered =
        again.done().thenApply(answer -> duplicateLogRows(firstId));

    committer.commit(
        List.of(again, new GroupCommitter.LogWrite(bad), fresh, new GroupCommitter.LogWrite(good)));

    AcceptedEvent duplicate = again.done().get(1, TimeUnit.SECONDS);
    assertTrue(duplicate.duplicate());
    assertEquals(firstId, duplicate.id());
    AcceptedEvent stored = fresh.done().get(1, TimeUnit.SECONDS);
    assertFalse(stored.duplicate());
    assertNotNull(QuarkusTransaction.requiringNew().call(() -> events.findById(stored.id())));
    assertEquals(
        1,
        loggedWhenAnswered.get(1, TimeUnit.SECONDS),
        "the duplicate's log entry, before its answer");
    assertEquals(
        1,
        Statements.number(
            dataSource,
            "select count(*) from receiver.request_log where tenant = ? and verdict = 'REJECTED'",
            tenant),
        "the good rejection's entry, and not the bad one");
  }

  @Test
  void aDataProblemIsToldApartFromAnOutage() {
    assertTrue(
        GroupCommitter.isRowProblem(
            new java.sql.BatchUpdateException(
                "batch", "22021", 0, new int[0], new java.sql.SQLException("x", "22021"))));
    assertTrue(GroupCommitter.isRowProblem(new java.sql.SQLException("fk", "23503")));
    assertFalse(GroupCommitter.isRowProblem(new java.sql.SQLException("down", "08006")));
    assertFalse(GroupCommitter.isRowProblem(new IllegalStateException("no")));
  }

  private long duplicateLogRows(String firstId) {
    try {
      return Statements.number(
          dataSource,
          "select count(*) from receiver.request_log where tenant = ? and verdict = 'DUPLICATE'"
              + " and event_id = ?",
          tenant,
          firstId);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private RequestLogEntry rejection(String reason) {
    RequestLogEntry entry = new RequestLogEntry();
    entry.id = Ids.newId(Ids.REQUEST);
    entry.tenant = tenant;
    entry.sourceId = sourceId;
    entry.receivedAt = Instant.now();
    entry.method = "POST";
    entry.verdict = RequestLogEntry.Verdict.REJECTED;
    entry.status = 401;
    entry.reason = reason;
    entry.headers = Map.of();
    return entry;
  }

  private GroupCommitter.EventWrite write(String type) {
    StoredEvent event = Fixtures.acceptedEvent(tenant, sourceId, type);
    return new GroupCommitter.EventWrite(event, new CompletableFuture<>(), Long.MAX_VALUE);
  }
}
