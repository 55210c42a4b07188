package io.hookyard.rules;

import io.hookyard.common.testing.RecordingServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real HTTP server standing in for rules-service's peers: delivery-service's intake and its
 * destination lookup, in which every destination exists (at {@link #BASE_URL}) except {@link
 * #MISSING} and {@link #UNCHECKABLE} (whose lookup fails as if delivery-service were in trouble);
 * and the receiver's vendor catalogue, which knows one vendor, {@code fleet}, with one sample.
 */
public class DeliveryStub implements QuarkusTestResourceLifecycleManager {
  public static final String MISSING = "dst_missing";
  public static final String UNCHECKABLE = "dst_uncheckable";
  public static final String BASE_URL = "https://hooks.example/api";
  public static final String FLEET_SAMPLE =
      "{\"host_id\":7,\"host_display_name\":\"mac-7\","
          + "\"failing_policies\":[{\"id\":1,\"name\":\"macOS - OS version up to date\"}]}";
  public static RecordingServer server;

  @Override
  public Map<String, String> start() {
    server = RecordingServer.start();
    server.answerWith(request -> request.path().endsWith("/destinations/" + MISSING), 404);
    server.answerWith(request -> request.path().endsWith("/destinations/" + UNCHECKABLE), 500);
    server.answerWith(
        request -> request.path().startsWith("/internal/v1/tenants/"),
        200,
        "{\"url\":\"" + BASE_URL + "\"}");
    server.answerWith(
        request -> request.path().equals("/api/v1/vendors/fleet"),
        200,
        "{\"vendor\":\"fleet\",\"samples\":[{\"type\":\"fleet.calendar\",\"payload\":"
            + new com.fasterxml.jackson.databind.node.TextNode(FLEET_SAMPLE)
            + "}]}");
    return Map.of(
        "quarkus.rest-client.delivery.url", server.url(),
        "quarkus.rest-client.receiver.url", server.url());
  }

  @Override
  public void stop() {
    server.close();
  }
}
