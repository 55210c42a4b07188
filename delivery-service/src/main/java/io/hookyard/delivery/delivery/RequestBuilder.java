package io.hookyard.delivery.delivery;

import io.hookyard.common.action.RenderedStep;
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
 * Builds the requests of deliveries: the destination's method, URL and headers, the credential's
 * headers, the body, and the Standard Webhooks headers. A plain delivery sends the event; an
 * action's step sends what its templates rendered. {@code webhook-id} is the same on every attempt
 * of a request, so receivers can drop repeats: the delivery id for a plain delivery or an action's
 * only step, {@code <delivery id>.<step>} for the steps of a longer action. {@code
 * webhook-signature} holds one signature per signing secret (two during a rotation overlap).
 * Sending is {@link DeliverySender}'s job.
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

  /** The request of a plain delivery: the event to the destination, with its method. */
  public OutgoingRequest build(Claim claim, DestinationSettings destination) {
    return build(claim, destination, Map.of());
  }

  /** The request of a plain delivery, authenticated with {@code auth} headers. */
  public OutgoingRequest build(
      Claim claim, DestinationSettings destination, Map<String, String> auth) {
    boolean hasBody = hasBody(destination.method());
    byte[] body = hasBody ? claim.event() : NO_BODY;
    Map<String, List<String>> contentType =
        hasBody ? Map.of("content-type", CONTENT_TYPE) : Map.of();
    return assemble(
        OutgoingRequest.DELIVER,
        claim.deliveryId(),
        destination,
        destination.method(),
        destination.url(),
        auth,
        contentType,
        body);
  }

  /** The request of an action's step, as its templates rendered it. */
  public OutgoingRequest forStep(
      String webhookId,
      DestinationSettings destination,
      RenderedStep.Request step,
      Map<String, String> auth) {
    byte[] body = hasBody(step.method()) ? step.body() : NO_BODY;
    Map<String, List<String>> stepHeaders = new LinkedHashMap<>();
    step.headers()
        .forEach(
            (name, value) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!lower.equals("content-type") || body.length > 0) {
                stepHeaders.put(lower, List.of(value));
              }
            });
    return assemble(
        step.stepName(),
        webhookId,
        destination,
        step.method(),
        step.url(),
        auth,
        stepHeaders,
        body);
  }

  private OutgoingRequest assemble(
      String stepName,
      String webhookId,
      DestinationSettings destination,
      String method,
      String url,
      Map<String, String> auth,
      Map<String, List<String>> own,
      byte[] body) {
    long timestamp = clock.instant().getEpochSecond();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<String, List<String>> logged = new LinkedHashMap<>();
    destination.headers().forEach((name, value) -> put(headers, logged, name, value));
    auth.forEach((name, value) -> put(headers, logged, name, value));
    own.forEach((name, values) -> put(headers, logged, name, values.getFirst()));
    Map<String, List<String>> standard = new LinkedHashMap<>();
    if (!headers.containsKey("user-agent")) {
      standard.put("user-agent", List.of(USER_AGENT));
    }
    standard.put("webhook-id", List.of(webhookId));
    standard.put("webhook-timestamp", List.of(Long.toString(timestamp)));
    if (!destination.signingKeys().isEmpty()) {
      standard.put(
          "webhook-signature",
          List.of(WebhookSigner.signature(destination.signingKeys(), webhookId, timestamp, body)));
    }
    headers.putAll(standard);
    logged.putAll(standard);
    return new OutgoingRequest(stepName, method, url, headers, logged, body);
  }

  private static void put(
      Map<String, List<String>> headers,
      Map<String, List<String>> logged,
      String name,
      String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    headers.put(lower, List.of(value));
    logged.put(lower, List.of(DestinationView.isSensitive(lower) ? "[redacted]" : value));
  }

  private static boolean hasBody(String method) {
    return !method.equals("GET") && !method.equals("DELETE");
  }
}
