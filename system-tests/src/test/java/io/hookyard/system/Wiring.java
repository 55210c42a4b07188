package io.hookyard.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.ManagementClient;
import java.util.List;
import java.util.UUID;

/**
 * A generic source of tenant {@code acme} wired to a fresh sink through a subscription to an event
 * type of its own, so tests sharing the stack never see each other's events.
 */
record Wiring(
    String tenant,
    String sourceId,
    String hookUrl,
    String sourceSecret,
    String eventType,
    RecordingServer sink) {

  static Wiring create(ManagementClient admin, String tenant) {
    return create(admin, tenant, java.util.Map.of());
  }

  /** A wiring whose source has these fields too ({@code settings}...). */
  static Wiring create(
      ManagementClient admin, String tenant, java.util.Map<String, Object> sourceFields) {
    RecordingServer sink = RecordingServer.start();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String eventType = "system.test." + suffix;
    JsonNode source =
        sourceFields.isEmpty()
            ? admin.createSource(tenant, "src-" + suffix)
            : admin.createSource(tenant, "src-" + suffix, sourceFields);
    JsonNode destination = admin.createDestination(tenant, "sink-" + suffix, sink.url() + "/in");
    admin.createSubscription(
        tenant, "sub-" + suffix, List.of(eventType), destination.path("id").asText());
    return new Wiring(
        tenant,
        source.path("id").asText(),
        source.path("url").asText(),
        source.path("secret").asText(),
        eventType,
        sink);
  }

  /** This wiring's hook URL on another receiver instance. */
  String hookUrlAt(String receiverUrl) {
    return receiverUrl + java.net.URI.create(hookUrl).getRawPath();
  }

  /** A JSON event of this wiring's type. */
  String event(String extraFields) {
    return "{\"type\":\""
        + eventType
        + "\""
        + (extraFields.isEmpty() ? "" : "," + extraFields)
        + "}";
  }
}
