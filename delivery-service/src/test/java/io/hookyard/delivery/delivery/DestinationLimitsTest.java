package io.hookyard.delivery.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.Statements;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.testing.Api;
import io.hookyard.delivery.testing.ScriptedServer;
import io.hookyard.delivery.testing.ScriptedServer.Answer;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits, concurrency limits and FIFO, as a real destination sees them. */
@DeliveryTest
class DestinationLimitsTest {
  final Api api = new Api(TestTenants.newTenant());
  ScriptedServer server;
  @Inject DataSource database;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aRateLimitSpreadsDeliveriesOut() {
    server = ScriptedServer.start();
    String destination =
        api.createDestination("limited", server.url(), Map.of("rateLimit", 5)).getString("id");
    for (int i = 0; i < 16; i++) {
      api.submit(destination);
    }
    List<ScriptedServer.Received> received = server.await(r -> true, 16, Duration.ofSeconds(20));
    // A burst of up to a second's worth (5, plus one), then 5 a second: 16 need at least 2 s.
    Duration span = Duration.between(received.getFirst().at(), received.getLast().at());
    assertTrue(span.toMillis() >= 1500, "16 requests at 5/s arrived within " + span);
  }

  @Test
  void aConcurrencyLimitIsNeverExceeded() throws SQLException {
    server = ScriptedServer.start(Answer.status(200).after(Duration.ofMillis(150)));
    String destination =
        api.createDestination("narrow", server.url(), Map.of("maxConcurrency", 2)).getString("id");
    List<String> deliveries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      deliveries.add(api.submit(destination));
    }
    deliveries.forEach(id -> api.awaitStatus(id, "SUCCEEDED"));
    assertTrue(server.maxInFlight() <= 2, "in flight at once: " + server.maxInFlight());
    assertEquals(
        1,
        api.delivery(deliveries.getLast()).getInt("attemptCount"),
        "held back is not an attempt");
    assertEquals(
        0,
        Statements.number(
            database,
            "select count(*) from delivery.concurrency_slot where destination_id = ?",
            destination),
        "every slot was freed when its attempt was recorded");
  }

  @Test
  void aFifoDestinationGetsOneDeliveryAtATimeInOrderEvenThroughRetries() {
    server =
        ScriptedServer.start(
            Answer.status(500).after(Duration.ofMillis(20)),
            Answer.status(200).after(Duration.ofMillis(20)));
    String destination =
        api.createDestination(
                "ordered",
                server.url(),
                Map.of("fifo", true, "retrySchedule", List.of("0s", "200ms", "200ms")))
            .getString("id");
    List<String> submitted = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      submitted.add(api.submit(destination));
    }
    submitted.forEach(id -> api.awaitStatus(id, "SUCCEEDED"));
    LinkedHashSet<String> firstArrivals = new LinkedHashSet<>();
    server.received().forEach(r -> firstArrivals.add(r.header("webhook-id")));
    assertEquals(submitted, List.copyOf(firstArrivals), "in the order they came in");
    assertEquals(1, server.maxInFlight());
    assertEquals(7, server.received().size(), "the first failed once and was retried first");
  }
}
