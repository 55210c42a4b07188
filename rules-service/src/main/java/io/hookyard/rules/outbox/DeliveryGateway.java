package io.hookyard.rules.outbox;

import io.hookyard.common.delivery.DeliveryRequest;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Hands batches of delivery requests to delivery-service. A short retry covers a blip; the circuit
 * breaker stops hammering a delivery-service that is down while the requests wait in the outbox.
 */
// Built at boot, so the first event does not pay for creating the REST client.
@Startup
@ApplicationScoped
public class DeliveryGateway {
  private final DeliveryClient client;

  public DeliveryGateway(@RestClient DeliveryClient client) {
    this.client = client;
  }

  @Timeout(5000)
  @Retry(maxRetries = 2, delay = 100, jitter = 50)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000)
  public void forward(List<DeliveryRequest> requests) {
    client.submit(requests);
  }
}
