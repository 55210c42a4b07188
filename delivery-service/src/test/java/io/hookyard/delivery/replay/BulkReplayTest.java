package io.hookyard.delivery.replay;

import static io.hookyard.delivery.DeliveryApi.awaitTotals;
import static io.hookyard.delivery.DeliveryApi.createDestination;
import static io.hookyard.delivery.DeliveryApi.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.RecordingServer;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.LogRows;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DeliveryTest
class BulkReplayTest {
  static final String REPLAYS = "/api/v1/tenants/{tenant}/replays";
  static final int DEAD_LETTERS = 1000;

  @Inject DataSource database;

  RecordingServer sink;
  String tenant;
  String destinationId;
  LogRows rows;

  @BeforeEach
  void setUp() {
    sink = RecordingServer.start();
    tenant = TestTenants.newTenant();
    destinationId = destinationFor("sink", sink);
    rows = new LogRows(database);
  }

  @AfterEach
  void stopSink() {
    sink.close();
  }

  @Test
  void concurrentBulkReplaysOfAThousandDeadLettersDeliverEachExactlyOnce() throws Exception {
    Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
    // Dead letters as the schedule leaves them; driving a thousand real failures would mostly
    // wait on the destination's circuit breaker.
    Set<String> ids = new HashSet<>();
    LogRows.Row[] deadLetters = new LogRows.Row[DEAD_LETTERS];
    for (int i = 0; i < DEAD_LETTERS; i++) {
      deadLetters[i] = dead().destination(destinationId);
      ids.add(deadLetters[i].id);
    }
    rows.insert(deadLetters);
    awaitTotals(tenant, totals -> totals.getInt("dead") == DEAD_LETTERS);
    sink.clear();
    sink.answerWith(200);

    // Three callers replay the same dead letters at once, as from three replicas.
    List<Response> answers;
    try (ExecutorService callers = Executors.newFixedThreadPool(3)) {
      List<CompletableFuture<Response>> calls =
          IntStream.range(0, 3)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> replay(Map.of("since", since.toString()), "bulk-" + i), callers))
              .toList();
      answers = calls.stream().map(CompletableFuture::join).toList();
    }
    answers.forEach(answer -> assertEquals(201, answer.statusCode(), answer.asString()));
    int queued = answers.stream().mapToInt(answer -> answer.path("queued")).sum();
    assertEquals(DEAD_LETTERS, queued, "each dead letter queued by exactly one of the replays");

    awaitTotals(tenant, totals -> totals.getInt("succeeded") == DEAD_LETTERS);
    List<RecordingServer.Recorded> received = sink.requests();
    Set<String> receivedIds =
        received.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
    assertEquals(ids, receivedIds, "every dead letter arrived, under its own delivery id");
    assertEquals(DEAD_LETTERS, received.size(), "and none of them twice");
    assertTrue(sink.refused().isEmpty());
    assertEquals(
        DEAD_LETTERS,
        rows.count(
            "select count(*) from delivery.attempt where tenant = ? and replay_id is not null",
            tenant),
        "one replayed attempt per delivery, marked with its replay");
  }

  @Test
  void aReplayTakesOnlyTheDeliveriesItsFilterMatches() {
    RecordingServer other = RecordingServer.start();
    try {
      String otherDestination = destinationFor("other", other);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      LogRows.Row wanted = dead().destination(destinationId).subscription("sub_a");
      LogRows.Row failing =
          new LogRows.Row(tenant)
              .status("FAILING")
              .attempts(2)
              .destination(destinationId)
              .subscription("sub_a");
      LogRows.Row elsewhere = dead().destination(otherDestination).subscription("sub_a");
      LogRows.Row otherSubscription = dead().destination(destinationId).subscription("sub_b");
      LogRows.Row otherType =
          dead().destination(destinationId).subscription("sub_a").eventType("device.lost");
      LogRows.Row tooOld =
          dead().destination(destinationId).subscription("sub_a").createdAt(now.minusSeconds(3600));
      rows.insert(wanted, failing, elsewhere, otherSubscription, otherType, tooOld);

      Response answer =
          replay(
              Map.of(
                  "since",
                  now.minusSeconds(60).toString(),
                  "until",
                  now.plusSeconds(60).toString(),
                  "destinationId",
                  destinationId,
                  "subscriptionId",
                  "sub_a",
                  "eventType",
                  "device.locked"),
              null);
      answer
          .then()
          .statusCode(201)
          .body("matched", equalTo(2))
          .body("queued", equalTo(2))
          .body("criteria.destinationId", equalTo(destinationId))
          .body("criteria.statuses", equalTo(List.of("DEAD", "FAILING")));

      sink.await(r -> true, 2, Duration.ofSeconds(10));
      assertEquals(
          Set.of(wanted.id, failing.id),
          sink.requests().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet()));
      assertEquals(
          2,
          rows.count(
              "select count(*) from delivery.delivery where tenant = ? and replay_id = ?",
              tenant,
              answer.path("id")));
      assertTrue(other.requests().isEmpty());
    } finally {
      other.close();
    }
  }

  @Test
  void aReplayMatchingMoreThanTheLimitIsRefusedWholly() {
    LogRows.Row[] many = new LogRows.Row[1001];
    for (int i = 0; i < many.length; i++) {
      many[i] = dead().destination(destinationId);
    }
    rows.insert(many);

    replay(Map.of("since", Instant.now().minus(1, ChronoUnit.HOURS).toString()), null)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:replay-too-large"));
    assertEquals(
        1001,
        rows.count(
            "select count(*) from delivery.delivery where tenant = ? and status = 'DEAD'"
                + " and replay_id is null",
            tenant));
    assertEquals(0, rows.count("select count(*) from delivery.replay where tenant = ?", tenant));
    assertTrue(sink.requests().isEmpty());
  }

  @Test
  void aReplayByResponseCodeTakesOnlyTheDeliveriesWhoseLatestResponseIsInIt() {
    Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
    LogRows.Row unavailable = dead().destination(destinationId).response(503);
    LogRows.Row badGateway = dead().destination(destinationId).response(502);
    LogRows.Row notFound = dead().destination(destinationId).response(404);
    LogRows.Row neverAnswered = new LogRows.Row(tenant).status("DEAD").destination(destinationId);
    rows.insert(unavailable, badGateway, notFound, neverAnswered);

    Response answer = replay(Map.of("since", since.toString(), "responseCode", " 5XX "), null);
    answer
        .then()
        .statusCode(201)
        .body("matched", equalTo(2))
        .body("queued", equalTo(2))
        .body("criteria.responseCode", equalTo("5xx"));

    sink.await(r -> true, 2, Duration.ofSeconds(10));
    assertEquals(Set.of(unavailable.id, badGateway.id), receivedIds());
    assertEquals(
        Set.of(unavailable.id, badGateway.id), replayedBy(answer.path("id")), "and no other");

    replay(Map.of("since", since.toString(), "responseCode", "404"), null)
        .then()
        .statusCode(201)
        .body("matched", equalTo(1))
        .body("criteria.responseCode", equalTo("404"));
    sink.await(r -> notFound.id.equals(r.header("webhook-id")), 1, Duration.ofSeconds(10));
    assertEquals(
        "DEAD",
        rows.status(neverAnswered.id),
        "a delivery without a response matches no response code");
  }

  @Test
  void aReplayByRequestIdTakesOnlyThatDeliveryAndOneByEventIdOnlyThatEventsDeliveries() {
    Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
    LogRows.Row asked = dead().destination(destinationId);
    LogRows.Row sameEvent = dead().destination(destinationId).subscription("sub_2");
    sameEvent.eventId = asked.eventId;
    LogRows.Row otherEvent = dead().destination(destinationId);
    rows.insert(asked, sameEvent, otherEvent);

    Response byRequestId = replay(Map.of("since", since.toString(), "deliveryId", asked.id), null);
    byRequestId
        .then()
        .statusCode(201)
        .body("deliveryId", equalTo(null))
        .body("matched", equalTo(1))
        .body("criteria.deliveryId", equalTo(asked.id));
    sink.await(r -> true, 1, Duration.ofSeconds(10));
    assertEquals(Set.of(asked.id), replayedBy(byRequestId.path("id")));

    Response byEvent = replay(Map.of("since", since.toString(), "eventId", asked.eventId), null);
    byEvent
        .then()
        .statusCode(201)
        .body("matched", equalTo(1))
        .body("criteria.eventId", equalTo(asked.eventId));
    // The request id's delivery is on its way or done, so only its sibling was still dead.
    assertEquals(Set.of(sameEvent.id), replayedBy(byEvent.path("id")));
    sink.await(r -> true, 2, Duration.ofSeconds(10));
    assertEquals(Set.of(asked.id, sameEvent.id), receivedIds());
    assertEquals("DEAD", rows.status(otherEvent.id), "another event's delivery stays dead");
  }

  @Test
  void aBadResponseCodeIsA400ProblemNamingIt() {
    LogRows.Row row = dead().destination(destinationId);
    rows.insert(row);
    String since = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
    for (String bad : List.of("5x", "600", "abc", "5xxx", "")) {
      replay(Map.of("since", since, "responseCode", bad), null)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("responseCode"));
    }
    assertEquals(0, rows.count("select count(*) from delivery.replay where tenant = ?", tenant));
    assertEquals("DEAD", rows.status(row.id));
  }

  @Test
  void oneIdempotencyKeyWithAnotherResponseCodeOrRequestIdIsRefused() {
    LogRows.Row row = dead().destination(destinationId).response(503);
    rows.insert(row);
    String since = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
    Response first = replay(Map.of("since", since, "responseCode", "5xx"), "by-code");
    first.then().statusCode(201).body("queued", equalTo(1));

    replay(Map.of("since", since, "responseCode", "5XX"), "by-code")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first.path("id")));
    for (Map<String, Object> other :
        List.<Map<String, Object>>of(
            Map.of("since", since, "responseCode", "503"),
            Map.of("since", since),
            Map.of("since", since, "responseCode", "5xx", "deliveryId", row.id),
            Map.of("since", since, "responseCode", "5xx", "eventId", row.eventId))) {
      replay(other, "by-code")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:hookyard:problem:idempotency-key-reused"));
    }
    assertEquals(1, rows.count("select count(*) from delivery.replay where tenant = ?", tenant));
  }

  private Set<String> receivedIds() {
    return sink.requests().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
  }

  private Set<String> replayedBy(String replayId) {
    return Set.copyOf(
        rows.texts(
            "select id from delivery.delivery where tenant = ? and replay_id = ?",
            tenant,
            replayId));
  }

  private LogRows.Row dead() {
    return new LogRows.Row(tenant).status("DEAD").attempts(3).response(500);
  }

  private Response replay(Map<String, Object> body, String idempotencyKey) {
    var request =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(tenant))
            .contentType(ContentType.JSON)
            .body(body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.post(REPLAYS, tenant);
  }

  private String destinationFor(String name, RecordingServer server) {
    return createDestination(tenant, name, server.url() + "/in");
  }
}
