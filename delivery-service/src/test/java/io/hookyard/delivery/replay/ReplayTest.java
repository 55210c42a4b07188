package io.hookyard.delivery.replay;

import static io.hookyard.delivery.DeliveryApi.awaitEntry;
import static io.hookyard.delivery.DeliveryApi.awaitStatus;
import static io.hookyard.delivery.DeliveryApi.createDestination;
import static io.hookyard.delivery.DeliveryApi.deliver;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.LogRows;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DeliveryTest
class ReplayTest {
  static final String REPLAY_ONE = "/api/v1/tenants/{tenant}/deliveries/{id}/replay";
  static final String REPLAYS = "/api/v1/tenants/{tenant}/replays";

  @Inject DataSource database;

  RecordingServer sink;
  String tenant;
  String destinationId;
  LogRows rows;

  @BeforeEach
  void setUp() {
    sink = RecordingServer.start();
    tenant = TestTenants.newTenant();
    destinationId = createDestination(tenant, "sink", sink.url() + "/in");
    rows = new LogRows(database);
  }

  @AfterEach
  void stopSink() {
    sink.close();
  }

  @Test
  void aReplayedDeadLetterKeepsItsIdRestartsItsScheduleAndContinuesItsAttemptLog() {
    sink.answerWith(500);
    String deliveryId = deliver(tenant, destinationId);
    awaitStatus(tenant, deliveryId, "DEAD");
    sink.clear();
    sink.answerWith(200);

    Response replayed = admin().post(REPLAY_ONE, tenant, deliveryId);
    replayed
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/tenants/" + tenant + "/replays/" + id(replayed)))
        .body("id", startsWith("rpl_"))
        .body("deliveryId", equalTo(deliveryId))
        .body("matched", equalTo(1))
        .body("queued", equalTo(1))
        .body("skipped", equalTo(0))
        .body("requestedBy", equalTo("admin-of-" + tenant));
    String replayId = id(replayed);

    JsonPath entry = awaitStatus(tenant, deliveryId, "SUCCEEDED");
    assertEquals(4, entry.getInt("attemptCount"), "three failed attempts, then the replay's one");
    assertEquals(replayId, entry.getString("replayId"));
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 1, entry.getInt("attempts[" + i + "].attemptNumber"));
      assertNull(entry.getString("attempts[" + i + "].replayId"), "the original round");
    }
    assertEquals(4, entry.getInt("attempts[3].attemptNumber"));
    assertEquals(replayId, entry.getString("attempts[3].replayId"));
    assertNull(entry.getString("deadReason"), "no longer a dead letter");

    RecordingServer.Recorded sent = sink.await(r -> true, 1, Duration.ofSeconds(10)).getFirst();
    assertEquals(deliveryId, sent.header("webhook-id"), "receivers dedup on the same id");
    assertEquals(1, sink.requests().size());
    viewer()
        .get(REPLAYS + "/{id}", tenant, replayId)
        .then()
        .statusCode(200)
        .body("progress.succeeded", equalTo(1))
        .body("progress.dead", equalTo(0));
  }

  @Test
  void aReplayStartsTheWholeRetryScheduleAgain() {
    sink.answerWith(500);
    String deliveryId = deliver(tenant, destinationId);
    awaitStatus(tenant, deliveryId, "DEAD");

    admin().post(REPLAY_ONE, tenant, deliveryId).then().statusCode(201);

    // Without a fresh schedule the fourth attempt would be past its end and kill it at once.
    JsonPath entry =
        awaitEntry(
            tenant,
            deliveryId,
            e -> e.getString("status").equals("DEAD") && e.getInt("attemptCount") == 6);
    assertEquals("SCHEDULE_EXHAUSTED", entry.getString("deadReason"));
    assertEquals(500, entry.getInt("attempts[5].response.status"));
  }

  @Test
  void succeededDeliveriesAreReplayedOnlyWhenAskedTo() {
    String deliveryId = deliver(tenant, destinationId);
    awaitStatus(tenant, deliveryId, "SUCCEEDED");
    Instant since = Instant.now().minus(1, ChronoUnit.HOURS);

    admin()
        .post(REPLAY_ONE, tenant, deliveryId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:delivery-succeeded"));
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("since", since.toString()))
        .post(REPLAYS, tenant)
        .then()
        .statusCode(201)
        .body("matched", equalTo(0))
        .body("queued", equalTo(0));
    assertEquals(1, sink.requests().size(), "nothing was sent again");

    admin()
        .queryParam("includeSucceeded", "true")
        .post(REPLAY_ONE, tenant, deliveryId)
        .then()
        .statusCode(201)
        .body("queued", equalTo(1))
        .body("includeSucceeded", equalTo(true));
    sink.await(r -> true, 2, Duration.ofSeconds(10));
    awaitEntry(tenant, deliveryId, e -> e.getInt("attemptCount") == 2);
    awaitStatus(tenant, deliveryId, "SUCCEEDED");

    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("since", since.toString(), "includeSucceeded", true))
        .post(REPLAYS, tenant)
        .then()
        .statusCode(201)
        .body("queued", equalTo(1))
        .body("criteria.statuses", hasItem("SUCCEEDED"));
    sink.await(r -> true, 3, Duration.ofSeconds(10));
    assertEquals(
        1,
        sink.requests().stream().map(r -> r.header("webhook-id")).distinct().count(),
        "every send carried the delivery's own id");
  }

  @Test
  void theSameIdempotencyKeyTwiceReplaysOnceAndAnswersTheFirstResult() {
    sink.answerWith(500);
    String deliveryId = deliver(tenant, destinationId);
    awaitStatus(tenant, deliveryId, "DEAD");
    sink.clear();
    sink.answerWith(200);

    Response first =
        admin().header("Idempotency-Key", "replay-1").post(REPLAY_ONE, tenant, deliveryId);
    first.then().statusCode(201);
    Response second =
        admin().header("Idempotency-Key", "replay-1").post(REPLAY_ONE, tenant, deliveryId);
    second
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id(first)))
        .body("queued", equalTo(1));
    awaitStatus(tenant, deliveryId, "SUCCEEDED");
    admin()
        .header("Idempotency-Key", "replay-1")
        .post(REPLAY_ONE, tenant, deliveryId)
        .then()
        .statusCode(200)
        .body("id", equalTo(id(first)));

    JsonPath entry = awaitStatus(tenant, deliveryId, "SUCCEEDED");
    assertEquals(4, entry.getInt("attemptCount"), "three failed attempts and one replayed");
    assertEquals(id(first), entry.getString("replayId"));
    assertEquals(1, sink.requests().size(), "the same replay request thrice sends once");
    assertEquals(1, rows.count("select count(*) from delivery.replay where tenant = ?", tenant));

    admin()
        .header("Idempotency-Key", "replay-1")
        .contentType(ContentType.JSON)
        .body(Map.of("since", Instant.now().minus(1, ChronoUnit.HOURS).toString()))
        .post(REPLAYS, tenant)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:idempotency-key-reused"));
  }

  @Test
  void theSameBulkReplayTwiceWithOneKeyIsOneReplay() {
    LogRows.Row row = new LogRows.Row(tenant).status("DEAD").destination(destinationId);
    rows.insert(row);
    Map<String, Object> body =
        Map.of("since", row.createdAt.minusSeconds(60).toString(), "statuses", List.of("dead"));

    Response first =
        admin()
            .header("Idempotency-Key", "bulk-1")
            .contentType(ContentType.JSON)
            .body(body)
            .post(REPLAYS, tenant);
    first.then().statusCode(201).body("queued", equalTo(1)).body("criteria.until", notNullValue());
    awaitStatus(tenant, row.id, "SUCCEEDED");
    admin()
        .header("Idempotency-Key", "bulk-1")
        .contentType(ContentType.JSON)
        .body(body)
        .post(REPLAYS, tenant)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id(first)))
        .body("queued", equalTo(1));
    assertEquals(1, sink.requests().size());
    assertEquals(row.id, sink.requests().getFirst().header("webhook-id"));
    assertEquals(1, rows.count("select count(*) from delivery.replay where tenant = ?", tenant));
  }

  @Test
  void aDeliveryInFlightOrWaitingIsLeftAlone() {
    LogRows.Row inFlight =
        new LogRows.Row(tenant)
            .status("FAILING")
            .attempts(1)
            .destination(destinationId)
            .leasedUntil(Instant.now().plus(1, ChronoUnit.HOURS));
    LogRows.Row waiting = new LogRows.Row(tenant).status("PENDING").destination(destinationId);
    rows.insert(inFlight, waiting);

    admin()
        .post(REPLAY_ONE, tenant, inFlight.id)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:hookyard:problem:delivery-in-flight"));
    admin()
        .post(REPLAY_ONE, tenant, waiting.id)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:hookyard:problem:delivery-pending"));
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("since", Instant.now().minus(1, ChronoUnit.HOURS).toString()))
        .post(REPLAYS, tenant)
        .then()
        .statusCode(201)
        .body("matched", equalTo(1))
        .body("queued", equalTo(0))
        .body("skipped", equalTo(1));
    assertEquals(
        1,
        rows.count(
            "select count(*) from delivery.delivery where id = ? and replay_id is null"
                + " and lease_until > now()",
            inFlight.id),
        "the lease and the round of the attempt in flight are untouched");
  }

  @Test
  void aDeliveryBeingSentRightNowCannotBeReplayed() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger received = new AtomicInteger();
    HttpServer slow =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    slow.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    slow.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.incrementAndGet();
          arrived.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    slow.start();
    try {
      String url = "http://127.0.0.1:" + slow.getAddress().getPort() + "/in";
      String deliveryId = deliver(tenant, createDestination(tenant, "slow", url));
      assertTrue(arrived.await(10, TimeUnit.SECONDS), "the attempt reached the destination");

      admin()
          .queryParam("includeSucceeded", "true")
          .post(REPLAY_ONE, tenant, deliveryId)
          .then()
          .statusCode(409)
          .body("type", equalTo("urn:hookyard:problem:delivery-in-flight"));
      release.countDown();

      assertEquals(1, awaitStatus(tenant, deliveryId, "SUCCEEDED").getInt("attemptCount"));
      assertEquals(1, received.get());
    } finally {
      release.countDown();
      slow.stop(0);
    }
  }

  @Test
  void aTokenWithoutAUserNameRecordsItsSubjectAndOneWithoutEitherItsClient() {
    LogRows.Row first = new LogRows.Row(tenant).status("DEAD").destination(destinationId);
    LogRows.Row second = new LogRows.Row(tenant).status("DEAD").destination(destinationId);
    rows.insert(first);
    rows.insert(second);
    String subjectOnly =
        Jwt.subject("f3c1-subject")
            .groups(Set.of(Roles.TENANT_ADMIN))
            .claim("tenant", tenant)
            .claim("azp", "console-client")
            .issuer(TestTokens.ISSUER)
            .audience("https://service.example.com")
            .sign();
    String clientOnly =
        Jwt.claims()
            .groups(Set.of(Roles.TENANT_ADMIN))
            .claim("tenant", tenant)
            .claim("azp", "console-client")
            .issuer(TestTokens.ISSUER)
            .audience("https://service.example.com")
            .sign();

    given()
        .auth()
        .oauth2(subjectOnly)
        .post(REPLAY_ONE, tenant, first.id)
        .then()
        .statusCode(201)
        .body("requestedBy", equalTo("f3c1-subject"));
    given()
        .auth()
        .oauth2(clientOnly)
        .post(REPLAY_ONE, tenant, second.id)
        .then()
        .statusCode(201)
        .body("requestedBy", equalTo("console-client"));
  }

  @Test
  void viewersMayReadReplaysButNotReplayAndOtherTenantsSeeNothing() {
    LogRows.Row dead = new LogRows.Row(tenant).status("DEAD").destination(destinationId);
    rows.insert(dead);
    Map<String, Object> body = Map.of("since", Instant.now().minus(1, ChronoUnit.HOURS).toString());

    viewer()
        .post(REPLAY_ONE, tenant, dead.id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    viewer().contentType(ContentType.JSON).body(body).post(REPLAYS, tenant).then().statusCode(403);
    String otherAdmin = TestTokens.tenantAdmin(TestTenants.newTenant());
    given().auth().oauth2(otherAdmin).post(REPLAY_ONE, tenant, dead.id).then().statusCode(404);
    given()
        .auth()
        .oauth2(otherAdmin)
        .contentType(ContentType.JSON)
        .body(body)
        .post(REPLAYS, tenant)
        .then()
        .statusCode(404);
    given().post(REPLAY_ONE, tenant, dead.id).then().statusCode(401);

    String replayId =
        id(admin().post(REPLAY_ONE, tenant, dead.id).then().statusCode(201).extract().response());
    viewer()
        .get(REPLAYS + "/{id}", tenant, replayId)
        .then()
        .statusCode(200)
        .body("id", equalTo(replayId));
    given()
        .auth()
        .oauth2(otherAdmin)
        .get(REPLAYS + "/{id}", tenant, replayId)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.hookyardAdmin())
        .get(REPLAYS + "/{id}", tenant, replayId)
        .then()
        .statusCode(200);
    viewer().get(REPLAYS + "/{id}", tenant, "rpl_unknown").then().statusCode(404);
    admin()
        .post(REPLAY_ONE, tenant, "dlv_unknown")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void badReplayRequestsAre400Problems() {
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("destinationId", destinationId))
        .post(REPLAYS, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("since"));
    String since = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("since", since, "statuses", List.of("pending")))
        .post(REPLAYS, tenant)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("statuses"));
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("since", since, "statuses", List.of("succeeded")))
        .post(REPLAYS, tenant)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:hookyard:problem:invalid-replay"));
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("since", since, "until", Instant.now().minus(2, ChronoUnit.HOURS).toString()))
        .post(REPLAYS, tenant)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:hookyard:problem:invalid-replay"));
    admin()
        .contentType(ContentType.JSON)
        .body("{\"since\": \"yesterday\"}")
        .post(REPLAYS, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("since"));
    admin()
        .header("Idempotency-Key", "x".repeat(300))
        .post(REPLAY_ONE, tenant, "dlv_any")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:hookyard:problem:invalid-idempotency-key"));
    admin()
        .queryParam("includeSucceeded", "maybe")
        .post(REPLAY_ONE, tenant, "dlv_any")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private RequestSpecification admin() {
    return given().auth().oauth2(TestTokens.tenantAdmin(tenant));
  }

  private RequestSpecification viewer() {
    return given().auth().oauth2(TestTokens.tenantViewer(tenant));
  }

  private static String id(Response response) {
    return response.path("id");
  }
}
