package io.hookyard.delivery.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.testing.Api;
import io.hookyard.delivery.testing.ScriptedServer;
import io.hookyard.delivery.testing.ScriptedServer.Answer;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real HTTP destinations that fail in scripted ways. The attempt log gives each attempt's due time
 * and start, so the schedule is checked from what the service recorded, within the jitter.
 */
@DeliveryTest
class RetryBehaviourTest {
  final Api api = new Api(TestTenants.newTenant());
  ScriptedServer server;
  PlainTextServer plainText;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (plainText != null) {
      plainText.close();
    }
  }

  /** Answers whatever arrives with plain HTTP and hangs up: a TLS client fails its handshake. */
  record PlainTextServer(java.net.ServerSocket socket) implements AutoCloseable {
    static PlainTextServer start() {
      try {
        java.net.ServerSocket socket =
            new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!socket.isClosed()) {
                    try (java.net.Socket client = socket.accept()) {
                      client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                    } catch (java.io.IOException e) {
                      // Closed, or the client hung up first.
                    }
                  }
                });
        return new PlainTextServer(socket);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
    }
  }

  @Test
  void serverErrorsAreRetriedOnTheDestinationsScheduleUntilItAnswers() {
    server = ScriptedServer.start(Answer.status(500), Answer.status(500), Answer.status(200));
    List<String> waits = List.of("0s", "400ms", "800ms", "800ms");
    String destination =
        api.createDestination("flaky", server.url(), Map.of("retrySchedule", waits))
            .getString("id");
    String delivery = api.submit(destination);

    JsonPath entry = api.awaitStatus(delivery, "SUCCEEDED");
    assertEquals(3, entry.getInt("attemptCount"));
    assertEquals(List.of(500, 500, 200), entry.getList("attempts.response.status"));
    assertEquals(List.of("deliver", "deliver", "deliver"), entry.getList("attempts.step"));
    assertEquals(3, server.received().size());
    assertWaitedWithinJitter(entry, 1, Duration.ofMillis(400));
    assertWaitedWithinJitter(entry, 2, Duration.ofMillis(800));
    for (int i = 0; i < 3; i++) {
      Instant due = Instant.parse(entry.getString("attempts[" + i + "].dueAt"));
      Instant started = Instant.parse(entry.getString("attempts[" + i + "].startedAt"));
      assertTrue(!started.isBefore(due), "attempt " + i + " never starts before it is due");
    }
  }

  @Test
  void retryAfterMakesTheNextAttemptWait() {
    server =
        ScriptedServer.start(Answer.status(429).withHeader("Retry-After", "2"), Answer.status(200));
    String destination =
        api.createDestination(
                "busy", server.url(), Map.of("retrySchedule", List.of("0s", "100ms", "100ms")))
            .getString("id");
    JsonPath entry = api.awaitStatus(api.submit(destination), "SUCCEEDED");
    assertEquals(2, entry.getInt("attemptCount"));
    Duration waited = between(entry, 0, 1);
    assertTrue(waited.toMillis() >= 2000, "asked for 2 s, waited " + waited);
  }

  @Test
  void aSlowDestinationTimesOutAndTheAttemptSaysSo() {
    server =
        ScriptedServer.start(Answer.status(200).after(Duration.ofSeconds(3)), Answer.status(200));
    String destination =
        api.createDestination(
                "slow",
                server.url(),
                Map.of("timeoutSeconds", 1, "retrySchedule", List.of("0s", "100ms", "100ms")))
            .getString("id");
    JsonPath entry = api.awaitStatus(api.submit(destination), "SUCCEEDED");
    assertEquals("TIMEOUT", entry.getString("attempts[0].errorClass"));
    assertEquals("FAILED", entry.getString("attempts[0].outcome"));
    Duration waited = between(entry, 0, 1);
    assertTrue(waited.toMillis() >= 160, "a timeout doubles the 100 ms wait (± 20 %): " + waited);
  }

  @Test
  void refusedConnectionsTlsFailuresAndUnknownHostsAreClassified() {
    ScriptedServer closed = ScriptedServer.start();
    String refusedUrl = closed.url();
    closed.close();
    server = ScriptedServer.start();
    plainText = PlainTextServer.start();
    Map<String, Object> once = Map.of("retrySchedule", List.of("0s"));
    String refused = api.createDestination("refused", refusedUrl, once).getString("id");
    String tls =
        api.createDestination("tls", "https://127.0.0.1:" + plainText.port() + "/", once)
            .getString("id");
    String dns = api.createDestination("dns", "http://no-such-host.invalid/", once).getString("id");

    assertEquals(
        "CONNECTION_REFUSED",
        api.awaitStatus(api.submit(refused), "DEAD").getString("attempts[0].errorClass"));
    assertEquals(
        "TLS", api.awaitStatus(api.submit(tls), "DEAD").getString("attempts[0].errorClass"));
    assertEquals(
        "DNS", api.awaitStatus(api.submit(dns), "DEAD").getString("attempts[0].errorClass"));
  }

  @Test
  void gonePausesTheDestinationAndItsDeliveriesWaitUntilItIsResumed() {
    server = ScriptedServer.start(Answer.status(410), Answer.status(200));
    String destination =
        api.createDestination(
                "gone", server.url(), Map.of("retrySchedule", List.of("0s", "100ms", "100ms")))
            .getString("id");
    String first = api.submit(destination);
    JsonPath paused = api.awaitDestination(destination, d -> "paused".equals(d.getString("state")));
    assertTrue(paused.getString("stateReason").contains("410"), paused.getString("stateReason"));
    String second = api.submit(destination);
    api.awaitDelivery(first, d -> d.getInt("attemptCount") == 1);
    assertEquals(1, server.received().size(), "nothing is sent to a paused destination");
    assertEquals("PENDING", api.delivery(second).getString("status"));

    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(api.tenant()))
        .post(Api.DESTINATIONS + "/{id}/resume", api.tenant(), destination)
        .then()
        .statusCode(200);
    api.awaitStatus(first, "SUCCEEDED");
    api.awaitStatus(second, "SUCCEEDED");
  }

  /** Checks that attempt {@code next} fell due the scheduled wait (± 20 %) after the one before. */
  private static void assertWaitedWithinJitter(JsonPath entry, int next, Duration scheduled) {
    Instant previousEnd =
        Instant.parse(entry.getString("attempts[" + (next - 1) + "].startedAt"))
            .plusMillis(entry.getInt("attempts[" + (next - 1) + "].durationMs"));
    Instant due = Instant.parse(entry.getString("attempts[" + next + "].dueAt"));
    long waited = Duration.between(previousEnd, due).toMillis();
    long low = Math.round(scheduled.toMillis() * 0.8);
    // The wait is counted from when the attempt was recorded, a little after it ended.
    long high = Math.round(scheduled.toMillis() * 1.2) + 1000;
    assertTrue(
        waited >= low && waited <= high,
        "attempt "
            + next
            + " fell due "
            + waited
            + " ms after the one before; scheduled "
            + scheduled);
  }

  private static Duration between(JsonPath entry, int first, int second) {
    return Duration.between(
        Instant.parse(entry.getString("attempts[" + first + "].startedAt")),
        Instant.parse(entry.getString("attempts[" + second + "].dueAt")));
  }
}
