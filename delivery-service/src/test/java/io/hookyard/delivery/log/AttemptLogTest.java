package io.hookyard.delivery.log;

import static io.hookyard.delivery.DeliveryApi.awaitStatus;
import static io.hookyard.delivery.DeliveryApi.createDestination;
import static io.hookyard.delivery.DeliveryApi.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the log keeps of each attempt, against a real destination that answers with a large body and
 * a credential among its headers (something the shared recording server does not send).
 */
@DeliveryTest
class AttemptLogTest {
  static final int BODY_BYTES = 100_000;

  HttpServer destination;
  String tenant;

  @BeforeEach
  void startDestination() throws IOException {
    destination = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    destination.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    destination.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = "x".repeat(BODY_BYTES).getBytes(StandardCharsets.US_ASCII);
          exchange.getResponseHeaders().add("Set-Cookie", "session=s3cr3t");
          exchange.getResponseHeaders().add("X-Request-Id", "req-42");
          exchange.sendResponseHeaders(202, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    destination.start();
    tenant = TestTenants.newTenant();
  }

  @AfterEach
  void stopDestination() {
    destination.stop(0);
  }

  @Test
  void anAttemptKeepsTheRequestSentAndTheResponseCutAt64KbWithCredentialsRedacted() {
    String url = "http://127.0.0.1:" + destination.getAddress().getPort() + "/hooks";
    String destinationId = createDestination(tenant, "big", url);
    String deliveryId = deliver(tenant, destinationId);

    JsonPath entry = awaitStatus(tenant, deliveryId, "SUCCEEDED");
    assertEquals(destinationId, entry.getString("destinationId"));
    assertEquals("sub_1", entry.getString("subscriptionId"));
    assertEquals("device.locked", entry.getString("eventType"));
    assertNotNull(entry.getString("eventId"));
    JsonPath attempt = entry.setRootPath("attempts[0]");
    assertEquals("POST", attempt.getString("request.method"));
    assertEquals(url, attempt.getString("request.url"));
    assertEquals(List.of(deliveryId), attempt.getList("request.headers.'webhook-id'"));
    assertEquals(
        "mac-9", JsonPath.from(attempt.getString("request.body")).getString("data.device"));
    assertEquals(202, attempt.getInt("response.status"));
    assertEquals(65_536, attempt.getString("response.body").length());
    assertEquals(List.of("[redacted]"), attempt.getList("response.headers.'set-cookie'"));
    assertEquals(List.of("req-42"), attempt.getList("response.headers.'x-request-id'"));
    assertTrue(attempt.getInt("durationMs") >= 0);
    assertEquals("SUCCEEDED", attempt.getString("outcome"));
  }

  @Test
  void anAttemptWithoutAResponseNamesItsErrorClass() {
    destination.stop(0);
    String url = "http://127.0.0.1:" + destination.getAddress().getPort() + "/hooks";
    String deliveryId = deliver(tenant, createDestination(tenant, "gone", url));

    JsonPath entry = awaitStatus(tenant, deliveryId, "DEAD");
    assertEquals("CONNECTION_REFUSED", entry.getString("attempts[0].errorClass"));
    assertNull(entry.get("attempts[0].response"));
    assertEquals("SCHEDULE_EXHAUSTED", entry.getString("deadReason"));
    assertNotNull(entry.getString("deadAt"));
  }
}
