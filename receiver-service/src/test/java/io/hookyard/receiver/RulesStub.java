package io.hookyard.receiver;

import io.hookyard.common.testing.RecordingServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real HTTP server standing in for rules-service's intake. */
public class RulesStub implements QuarkusTestResourceLifecycleManager {
  public static RecordingServer server;

  @Override
  public Map<String, String> start() {
    server = RecordingServer.start();
    return Map.of("quarkus.rest-client.rules.url", server.url());
  }

  @Override
  public void stop() {
    server.close();
  }
}
