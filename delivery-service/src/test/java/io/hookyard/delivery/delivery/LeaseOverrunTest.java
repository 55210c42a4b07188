package io.hookyard.delivery.delivery;

import static io.hookyard.delivery.DeliveryApi.awaitStatus;
import static io.hookyard.delivery.DeliveryApi.createDestination;
import static io.hookyard.delivery.DeliveryApi.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookyard.common.testing.RecordingServer;
import io.hookyard.common.testing.Statements;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An attempt can outlive its lease (a destination slow to answer, a worker starved of CPU). The
 * next claim then takes the delivery again; the instance that still has it in flight keeps the new
 * lease but must not send a second copy.
 */
@DeliveryTest
class LeaseOverrunTest {
  @Inject DataSource database;

  @Test
  void aDeliveryStillInFlightWhenItsLeaseRunsOutIsNotSentAgainByTheSameWorker() throws Exception {
    String tenant = TestTenants.newTenant();
    try (RecordingServer sink = RecordingServer.start()) {
      sink.answerAfter(Duration.ofMillis(1500));
      String destinationId = createDestination(tenant, "slow", sink.url() + "/in");
      String deliveryId = deliver(tenant, destinationId);
      sink.await(request -> true, 1, Duration.ofSeconds(10));

      expireLease(deliveryId);

      JsonPath entry = awaitStatus(tenant, deliveryId, "SUCCEEDED");
      assertEquals(1, entry.getInt("attemptCount"));
      assertEquals(1, sink.requests().size(), "sent once, although claimed twice");
    }
  }

  private void expireLease(String deliveryId) throws Exception {
    assertEquals(
        1,
        Statements.update(
            database,
            "update delivery.delivery set lease_until = now() - interval '1 second',"
                + " next_attempt_at = now() - interval '1 second'"
                + " where id = ? and status = 'PENDING'",
            deliveryId),
        "the delivery was still leased, unrecorded");
  }
}
