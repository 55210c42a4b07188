package io.hookyard.delivery.delivery;

import static io.hookyard.delivery.DeliveryApi.awaitStatus;
import static io.hookyard.delivery.DeliveryApi.createDestination;
import static io.hookyard.delivery.DeliveryApi.deliver;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hookyard.common.testing.RecordingServer;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@DeliveryTest
class DeadLetterTest {

  @Test
  void anExhaustedScheduleLeavesADeadLetterWithItsReasonTimeAndLastAnswer() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer sink = RecordingServer.start()) {
      sink.answerWith(503);
      double counted = deadLetterCount("schedule_exhausted");
      String destinationId = createDestination(tenant, "failing", sink.url() + "/in");
      String deliveryId = deliver(tenant, destinationId);

      JsonPath entry = awaitStatus(tenant, deliveryId, "DEAD");
      assertEquals("SCHEDULE_EXHAUSTED", entry.getString("deadReason"));
      assertEquals(503, entry.getInt("lastResponseStatus"));
      assertEquals(3, entry.getInt("attemptCount"));
      Instant deadAt = Instant.parse(entry.getString("deadAt"));
      assertFalse(deadAt.isBefore(Instant.parse(entry.getString("attempts[2].startedAt"))));
      assertNull(entry.get("nextAttemptAt"));
      assertEquals(3, sink.refused().size());

      assertEquals(List.of(deliveryId), deadLetters(tenant).getList("items.id"));
      assertEquals("SCHEDULE_EXHAUSTED", deadLetters(tenant).getString("items[0].deadReason"));
      awaitDeadLetterCount("schedule_exhausted", counted + 1);
    }
  }

  @Test
  void aDeliveryToADestinationThatIsGoneDiesAtOnce() {
    String tenant = TestTenants.newTenant();
    double counted = deadLetterCount("destination_gone");
    String deliveryId = deliver(tenant, "dst_01JD3N6Q8K2V7R4W9X0Y5Z6A7B");

    JsonPath entry = awaitStatus(tenant, deliveryId, "DEAD");
    assertEquals("DESTINATION_GONE", entry.getString("deadReason"));
    assertEquals(0, entry.getInt("attemptCount"), "nothing was sent");
    assertNotNull(entry.getString("lastError"));
    assertNotNull(entry.getString("deadAt"));
    assertEquals(List.of(deliveryId), deadLetters(tenant).getList("items.id"));
    awaitDeadLetterCount("destination_gone", counted + 1);
  }

  /** hookyard_delivery_dead_letters_total of one reason, as Prometheus scrapes it. */
  private static double deadLetterCount(String reason) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher matcher =
        Pattern.compile(
                "hookyard_delivery_dead_letters_total\\{reason=\"" + reason + "\",?\\} ([0-9.E]+)")
            .matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
  }

  // The counter moves right after the dead letter is committed, on the worker's thread.
  private static void awaitDeadLetterCount(String reason, double expected) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (deadLetterCount(reason) < expected && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(expected, deadLetterCount(reason), "dead letters counted as " + reason);
  }

  private static JsonPath deadLetters(String tenant) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParam("status", "dead")
        .get("/api/v1/tenants/{tenant}/deliveries", tenant)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
