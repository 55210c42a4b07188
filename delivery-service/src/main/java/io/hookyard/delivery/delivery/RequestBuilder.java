package io.hookyard.delivery.delivery;

import io.hookyard.common.event.CloudEventJson;
import io.hookyard.delivery.destination.DestinationSettings;
import io.hookyard.delivery.destination.DestinationView;
import io.hookyard.delivery.signing.WebhookSigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the request of a delivery: the destination's method, URL and headers, the event as body,
 * and the Standard Webhooks headers. {@code webhook-id} is the delivery id, the same on every
 * attempt, so receivers can drop repeats; {@code webhook-signature} holds one signature per signing
 * secret (two during a rotation overlap). Sending is {@link DeliverySender}'s job.
 */
@ApplicationScoped
public class RequestBuilder {
  static final String USER_AGENT = "Hookyard/0.1 (+webhooks)";
  private static final byte[] NO_BODY = new byte[0];
  private static final List<String> CONTENT_TYPE =
      List.of(CloudEventJson.CONTENT_TYPE + "; charset=utf-8");

  private final Clock clock;

  public RequestBuilder(Clock clock) {
    this.clock = clock;
  }

  public OutgoingRequest build(Claim claim, DestinationSettings destination) {
    boolean hasBody = !destination.method().equals("GET") && !destination.method().equals("DELETE");
    byte[] body = hasBody ? claim.event() : NO_BODY;
    long timestamp = clock.instant().getEpochSecond();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<String, List<String>> logged = new LinkedHashMap<>();
    destination
        .headers()
        .forEach(
            (name, value) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              headers.put(lower, List.of(value));
              logged.put(lower, List.of(DestinationView.isSensitive(lower) ? "[redacted]" : value));
            });
    Map<String, List<String>> standard = new LinkedHashMap<>();
    if (hasBody) {
      standard.put("content-type", CONTENT_TYPE);
    }
    if (!headers.containsKey("user-agent")) {
      standard.put("user-agent", List.of(USER_AGENT));
    }
    standard.put("webhook-id", List.of(claim.deliveryId()));
    standard.put("webhook-timestamp", List.of(Long.toString(timestamp)));
    if (!destination.signingKeys().isEmpty()) {
      standard.put(
          "webhook-signature",
          List.of(
              WebhookSigner.signature(
                  destination.signingKeys(), claim.deliveryId(), timestamp, body)));
    }
    headers.putAll(standard);
    logged.putAll(standard);
    return new OutgoingRequest(
        OutgoingRequest.DELIVER, destination.method(), destination.url(), headers, logged, body);
  }
}
