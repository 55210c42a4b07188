package io.hookyard.rules;

import io.hookyard.common.testing.RecordingServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real HTTP server standing in for delivery-service's intake. */
public class DeliveryStub implements QuarkusTestResourceLifecycleManager {
  public static RecordingServer server;

  @Override
  public Map<String, String> start() {
    server = RecordingServer.start();
    return Map.of("quarkus.rest-client.delivery.url", server.url());
  }

  @Override
  public void stop() {
    server.close();
  }
}
