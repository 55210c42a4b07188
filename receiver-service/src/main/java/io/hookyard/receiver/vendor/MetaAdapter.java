package io.hookyard.receiver.vendor;

import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Meta Graph API webhooks (WhatsApp Cloud API, Messenger, Instagram, Pages).
 *
 * <p>Subscribing sends a GET with {@code hub.mode=subscribe}, {@code hub.challenge} and {@code
 * hub.verify_token}; the token is the one typed into the app dashboard, kept as the source setting
 * {@code verifyToken}. When it matches (in constant time) the answer is 200 with the challenge as
 * plain text; otherwise the check fails. Meta's docs ask for 403 there; the receiver answers 401.
 *
 * <p>Deliveries are POSTs with {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(App Secret, raw
 * body)>}. Meta sends non-ASCII characters as JSON unicode escapes and signs those bytes, so only
 * the raw body is checked. The legacy SHA-1 {@code X-Hub-Signature} is not accepted. Meta signs
 * with one secret only, but during a rotation here either of the source's secrets verifies. There
 * is no timestamp and no delivery id, so retries are not deduplicated. Meta wants 200, so events
 * are answered 200.
 */
@Singleton
public class MetaAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS = JsonFields.select("/object", "/entry/0/id");
  static final String SIGNATURE = "X-Hub-Signature-256";
  static final String VERIFY_TOKEN_SETTING = "verifyToken";
  private static final String PREFIX = "sha256=";

  @Override
  public String vendor() {
    return "meta";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Meta (WhatsApp, Messenger, Instagram)",
        VendorProfile.SecretOrigin.PROVIDED,
        List.of("GET", "POST"),
        List.of(
            EventSamples.of(
                vendor(),
                "meta.whatsapp_business_account",
                "A WhatsApp message was received",
                "whatsapp-message.json"),
            EventSamples.of(
                vendor(),
                "meta.whatsapp_business_account",
                "A WhatsApp message was delivered",
                "whatsapp-status.json"),
            EventSamples.of(vendor(), "meta.page", "A post on a Page's feed", "page-feed.json")));
  }

  @Override
  public Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    String mode = request.queryParameter("hub.mode");
    if (!"GET".equals(request.method()) || mode == null) {
      return Optional.empty();
    }
    if (!mode.equals("subscribe")) {
      // Meta expects 403 when a handshake is refused.
      throw new VerificationFailure("wrong-mode", "hub.mode must be subscribe.", 403);
    }
    String expected = context.setting(VERIFY_TOKEN_SETTING, null);
    if (expected == null) {
      throw new VerificationFailure(
          "no-verify-token",
          "This source has no verifyToken setting to check hub.verify_token.",
          403);
    }
    if (!Signatures.constantTimeEquals(expected, request.queryParameter("hub.verify_token"))) {
      throw new VerificationFailure(
          "wrong-token", "hub.verify_token is not this source's token.", 403);
    }
    String challenge = request.queryParameter("hub.challenge");
    if (challenge == null) {
      throw ProblemException.badRequest("missing-challenge", "The URL has no hub.challenge.");
    }
    return Optional.of(Reply.text(challenge));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    String presented = request.header(SIGNATURE);
    if (presented == null) {
      throw VerificationFailure.missingHeader(SIGNATURE);
    }
    if (!presented.startsWith(PREFIX)) {
      throw new VerificationFailure("wrong-prefix", SIGNATURE + " must start with " + PREFIX);
    }
    for (String secret : context.secrets()) {
      String expected = PREFIX + Signatures.hex(Signatures.hmacSha256(secret, request.body()));
      if (Signatures.constantTimeEquals(expected, presented)) {
        return;
      }
    }
    throw VerificationFailure.mismatch(SIGNATURE);
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String object = json.text("/object");
    return new EventFacts(
        "meta." + (object == null ? "unknown" : object), json.text("/entry/0/id"), null, null);
  }

  @Override
  public Reply accepted(String eventId, boolean duplicate) {
    return Reply.json(200, "{\"id\":\"" + eventId + "\",\"duplicate\":" + duplicate + "}");
  }
}
