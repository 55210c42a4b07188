package io.hookyard.rules;

import io.hookyard.common.testing.RecordingServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real HTTP server standing in for delivery-service: its intake, and its destination lookup, in
 * which every destination exists except {@link #MISSING} and {@link #UNCHECKABLE} (whose lookup
 * fails as if delivery-service were in trouble).
 */
public class DeliveryStub implements QuarkusTestResourceLifecycleManager {
  public static final String MISSING = "dst_missing";
  public static final String UNCHECKABLE = "dst_uncheckable";
  public static RecordingServer server;

  @Override
  public Map<String, String> start() {
    server = RecordingServer.start();
    server.answerWith(request -> request.path().endsWith("/destinations/" + MISSING), 404);
    server.answerWith(request -> request.path().endsWith("/destinations/" + UNCHECKABLE), 500);
    return Map.of("quarkus.rest-client.delivery.url", server.url());
  }

  @Override
  public void stop() {
    server.close();
  }
}
