package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Graph change notifications (the Intune integration path).
 *
 * <p>Graph validates a subscription's URL with a POST to {@code ?validationToken=<url-encoded>} and
 * an empty body; the answer must be 200 {@code text/plain} with the decoded token, within 10 s. The
 * token is opaque and is echoed only as plain text.
 *
 * <p>Notifications are a POST of {@code {"value":[…]}}, possibly several notifications (even of
 * several subscriptions) in one request. Graph signs nothing: authenticity rests on the {@code
 * clientState} the subscription was created with, so every item must carry one of this source's
 * secrets, compared in constant time. The JWTs of rich notifications ({@code validationTokens}) are
 * not checked. Lifecycle notifications ({@code lifecycleEvent}) carry the same {@code clientState}.
 * Graph sends no delivery id, so nothing is deduplicated. The generated secret (47 characters) fits
 * Graph's 128-character limit on {@code clientState}.
 */
@Singleton
public class MicrosoftGraphAdapter implements VendorAdapter {
  static final String VALIDATION_TOKEN = "validationToken";

  private static final Map<String, String> OPERATIONS =
      Map.of("created", "Created", "updated", "Updated", "deleted", "Deleted");

  @Override
  public String vendor() {
    return "microsoft-graph";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Microsoft Graph change notifications",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(), "microsoft-graph.updated", "A user was changed", "user-updated.json"),
            EventSamples.of(
                vendor(), "microsoft-graph.created", "A group was created", "group-created.json"),
            EventSamples.of(
                vendor(),
                "microsoft-graph.lifecycle.reauthorizationRequired",
                "The subscription needs to be reauthorized",
                "reauthorization-required.json")));
  }

  @Override
  public Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    // The query parameters arrive URL-decoded, which is what Graph expects back.
    String token = request.queryParameter(VALIDATION_TOKEN);
    return token == null ? Optional.empty() : Optional.of(Reply.text(token));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    for (JsonNode notification : notifications(JsonBodies.require(request))) {
      JsonNode clientState = notification.path("clientState");
      if (!clientState.isTextual()) {
        throw new VerificationFailure(
            "missing-client-state", "A notification carries no clientState.");
      }
      if (!SharedSecrets.matchesAny(clientState.asText(), context)) {
        throw new VerificationFailure(
            "wrong-secret", "A notification's clientState is not this source's secret.");
      }
    }
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonNode first = notifications(JsonBodies.require(request)).getFirst();
    String lifecycleEvent = JsonBodies.text(first, "/lifecycleEvent");
    if (lifecycleEvent != null) {
      String subject = JsonBodies.text(first, "/resource");
      return new EventFacts(
          "microsoft-graph.lifecycle." + lifecycleEvent,
          subject == null ? JsonBodies.text(first, "/subscriptionId") : subject,
          null,
          null);
    }
    String changeType = JsonBodies.text(first, "/changeType");
    return new EventFacts(
        "microsoft-graph." + (changeType == null ? "unknown" : changeType),
        JsonBodies.text(first, "/resource"),
        changeType == null ? null : OPERATIONS.get(changeType),
        null);
  }

  /** The items of {@code value}; 400 when there are none, as Graph never sends an empty batch. */
  private static List<JsonNode> notifications(JsonNode json) {
    JsonNode value = json.path("value");
    if (!value.isArray() || value.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-body", "A Graph notification body has a non-empty 'value' array.");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }
}
