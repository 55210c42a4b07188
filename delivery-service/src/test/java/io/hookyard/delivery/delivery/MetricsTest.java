package io.hookyard.delivery.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.hookyard.common.testing.TestTenants;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.testing.Api;
import io.hookyard.delivery.testing.ScriptedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DeliveryTest
class MetricsTest {

  @Test
  void attemptsLatencyAndTheQueueAreOnTheMetricsEndpoint() {
    Api api = new Api(TestTenants.newTenant());
    try (ScriptedServer server = ScriptedServer.start()) {
      String destination = api.createDestination("metered", server.url(), Map.of()).getString("id");
      api.awaitStatus(api.submit(destination), "SUCCEEDED");
    }
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("hookyard_delivery_attempts_total{outcome=\"succeeded\""))
        .body(containsString("hookyard_delivery_attempt_duration_seconds_bucket"))
        .body(containsString("hookyard_delivery_due_to_sent_seconds_bucket"))
        .body(containsString("hookyard_delivery_queue_depth"))
        .body(containsString("hookyard_delivery_oldest_pending_age_seconds"));
  }
}
