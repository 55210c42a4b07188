package io.hookyard.delivery.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hookyard.common.testing.RecordingServer;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.egress.AddressPolicy;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sender checks the address it actually connected to, whatever the URL said when it was saved:
 * here a sender without the test allow-list reaches a loopback server and sends nothing.
 */
@DeliveryTest
class SendTimeAddressCheckTest {
  @Inject Vertx vertx;
  @Inject DeliveryConfig config;
  @Inject Clock clock;

  @Test
  void aConnectionToAnInternalAddressIsDroppedBeforeAnythingIsSent() {
    DeliverySender strict = new DeliverySender(vertx, new AddressPolicy(List.of()), config, clock);
    try (RecordingServer server = RecordingServer.start()) {
      OutgoingRequest request =
          new OutgoingRequest(
              "deliver",
              "POST",
              server.url() + "/in",
              Map.of("webhook-id", List.of("dlv_x")),
              Map.of(),
              "{}".getBytes());
      AttemptResult result = strict.send(request, Duration.ofSeconds(5));
      assertEquals(AttemptResult.ErrorClass.BLOCKED_ADDRESS, result.errorClass());
      assertNull(result.status());
      assertEquals(0, server.requests().size() + server.refused().size(), "nothing was sent");
    } finally {
      strict.close();
    }
  }
}
