package io.hookyard.delivery.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.testing.Api;
import io.hookyard.delivery.testing.MovableClock;
import io.hookyard.delivery.testing.ScriptedServer;
import io.hookyard.delivery.testing.ScriptedServer.Answer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Test config: the circuit opens after 3 failures in a row and cools down for 1 s. */
@DeliveryTest
class CircuitBreakerTest {
  static final List<String> MANY_SHORT_WAITS = Collections.nCopies(20, "50ms");

  @Inject MovableClock clock;
  final Api api = new Api(TestTenants.newTenant());
  ScriptedServer failing;
  ScriptedServer operations;

  @AfterEach
  void stop() {
    clock.reset();
    if (failing != null) {
      failing.close();
    }
    if (operations != null) {
      operations.close();
    }
  }

  @Test
  void repeatedFailuresOpenTheCircuitAndOneProbeClosesItAgain() throws Exception {
    failing = ScriptedServer.start(Answer.status(500));
    String destination =
        api.createDestination("breaker", failing.url(), Map.of("retrySchedule", schedule()))
            .getString("id");
    String first = api.submit(destination);
    JsonPath open =
        api.awaitDestination(destination, d -> d.getString("health.circuitOpenUntil") != null);
    assertTrue(open.getInt("health.consecutiveFailures") >= 3);
    int attemptsWhenOpened = failing.received().size();
    String waiting = api.submit(destination);
    Thread.sleep(300);
    assertEquals(attemptsWhenOpened, failing.received().size(), "nothing is sent while open");
    assertEquals(0, api.delivery(waiting).getInt("attemptCount"), "waiting is not an attempt");

    failing.then(Answer.status(200));
    api.awaitStatus(first, "SUCCEEDED");
    api.awaitStatus(waiting, "SUCCEEDED");
    JsonPath closed = api.destination(destination);
    assertEquals(0, closed.getInt("health.consecutiveFailures"));
    assertEquals(null, closed.getString("health.circuitOpenUntil"));
  }

  @Test
  void fiveDaysOfFailuresPauseTheDestinationAndTellTheOperationalDestination() {
    failing = ScriptedServer.start(Answer.status(503));
    operations = ScriptedServer.start();
    String opsDestination =
        api.createDestination("ops", operations.url(), Map.of()).getString("id");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(api.tenant()))
        .contentType(ContentType.JSON)
        .body(Map.of("operationalDestinationId", opsDestination))
        .put("/api/v1/tenants/{tenant}/delivery-settings", api.tenant())
        .then()
        .statusCode(200);
    String destination =
        api.createDestination("dying", failing.url(), Map.of("retrySchedule", schedule()))
            .getString("id");
    api.submit(destination);
    api.awaitDestination(destination, d -> d.getString("health.circuitOpenUntil") != null);
    assertEquals("active", api.destination(destination).getString("state"));

    clock.advance(Duration.ofDays(5).plusMinutes(1));
    JsonPath paused = api.awaitDestination(destination, d -> "paused".equals(d.getString("state")));
    assertTrue(paused.getString("stateReason").contains("failed every attempt"));

    ScriptedServer.Received told =
        operations.await(r -> true, 1, Duration.ofSeconds(15)).getFirst();
    JsonPath event = JsonPath.from(told.bodyText());
    assertEquals("hookyard.destination.paused", event.getString("type"));
    assertEquals(destination, event.getString("data.destinationId"));
    assertNotNull(event.getString("data.failingSince"));
    assertNotNull(told.header("webhook-signature"));
  }

  private static List<String> schedule() {
    List<String> waits = new java.util.ArrayList<>(List.of("0s"));
    waits.addAll(MANY_SHORT_WAITS);
    return waits;
  }
}
