package io.hookyard.receiver.outbox;

import io.cloudevents.CloudEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Hands batches of events to rules-service. A short retry covers a blip; the circuit breaker stops
 * the relay from hammering a rules-service that is down, and the events simply wait in the outbox.
 */
// Built at boot, so the first event does not pay for creating the REST client.
@Startup
@ApplicationScoped
public class RulesGateway {
  private final RulesClient client;

  public RulesGateway(@RestClient RulesClient client) {
    this.client = client;
  }

  @Timeout(5000)
  @Retry(maxRetries = 2, delay = 100, jitter = 50)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000)
  public void forward(List<CloudEvent> events) {
    client.submit(events);
  }
}
