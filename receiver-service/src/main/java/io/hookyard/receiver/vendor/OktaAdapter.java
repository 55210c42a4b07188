package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Okta event hooks.
 *
 * <p>When an admin verifies the hook, Okta sends its only GET, with {@code
 * X-Okta-Verification-Challenge}; the answer is 200 {@code {"verification":"<value>"}}. The
 * handshake is answered without the auth header: it only proves that we control the URL, echoes
 * nothing secret, and Okta's docs do not promise the header on that call.
 *
 * <p>Okta signs nothing. Every delivery carries the header the admin configured on the hook
 * (setting {@code header}, default {@code Authorization}) with this source's secret as its value.
 * Deliveries are a POST of a CloudEvents-like envelope with a batch of LogEvents in {@code
 * data.events}; Okta retries once, with the same {@code eventId}, which is the dedup key. Okta
 * wants 200 or 204 with an empty body.
 */
@Singleton
public class OktaAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select("/data/events/0/eventType", "/data/events/0/target/0/id", "/eventId");
  static final String CHALLENGE = "X-Okta-Verification-Challenge";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String vendor() {
    return "okta";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Okta event hooks",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("GET", "POST"),
        List.of(
            EventSamples.of(
                vendor(),
                "okta.user.lifecycle.deactivate",
                "A user was deactivated",
                "user-deactivated.json"),
            EventSamples.of(
                vendor(),
                "okta.user.lifecycle.create",
                "A user was created",
                "user-created.json")));
  }

  @Override
  public Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    String challenge = request.header(CHALLENGE);
    if (!"GET".equals(request.method()) || challenge == null) {
      return Optional.empty();
    }
    String json = MAPPER.createObjectNode().put("verification", challenge).toString();
    return Optional.of(Reply.json(200, json));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    SharedSecrets.requireHeader(request, context, context.setting("header", "Authorization"), null);
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String eventType = json.text("/data/events/0/eventType");
    if (eventType == null) {
      throw ProblemException.badRequest(
          "invalid-body", "An Okta event hook body has data.events[] with an eventType.");
    }
    return new EventFacts(
        "okta." + eventType, json.text("/data/events/0/target/0/id"), null, json.text("/eventId"));
  }

  @Override
  public Reply accepted(String eventId, boolean duplicate) {
    return Reply.empty(204);
  }
}
