package io.hookyard.receiver.vendor;

import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Discord HTTP interactions and webhook events.
 *
 * <p>Every request carries {@code X-Signature-Ed25519}, a hex Ed25519 signature of {@code
 * X-Signature-Timestamp} followed by the raw body, made with the application's key. The source's
 * secret is the application's public key as the Developer Portal shows it (64 hex characters).
 * Discord probes endpoints with bad signatures and drops URLs that accept them, so every failure,
 * PINGs included, is a {@link VerificationFailure} (401).
 *
 * <p>Discord names no timestamp tolerance. The timestamp is signed, so only Discord can date a
 * message; a message more than 15 minutes away from our clock, in either direction, is refused to
 * bound replays. The window covers Discord's 10 minutes of retries.
 *
 * <p>An interactions PING ({@code "type":1}, no {@code event}) is answered with 200 {@code
 * {"type":1}}; a webhook events PING ({@code "type":0}) with 204. Everything else is stored and
 * answered 204, as webhook events require. Interactions have an {@code id}, the dedup key; webhook
 * events have none.
 */
@Singleton
public class DiscordAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select(
          "/event",
          "/event/type",
          "/event/data/user/id",
          "/event/data/user_id",
          "/type",
          "/data/name",
          "/data/custom_id",
          "/id");
  static final String SIGNATURE = "X-Signature-Ed25519";
  static final String TIMESTAMP = "X-Signature-Timestamp";
  static final Duration TOLERANCE = Duration.ofMinutes(15);

  /** The DER header that turns a raw 32-byte Ed25519 public key into an X.509 key. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final List<String> INTERACTIONS =
      List.of("ping", "application_command", "message_component", "autocomplete", "modal_submit");

  @Override
  public String vendor() {
    return "discord";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Discord",
        VendorProfile.SecretOrigin.PROVIDED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(),
                "discord.APPLICATION_AUTHORIZED",
                "The app was added to a server or a user",
                "application-authorized.json"),
            EventSamples.of(
                vendor(),
                "discord.ENTITLEMENT_CREATE",
                "A user subscribed or bought an item",
                "entitlement-create.json"),
            EventSamples.of(
                vendor(),
                "discord.interaction.application_command",
                "A user ran a slash command",
                "application-command.json")));
  }

  @Override
  public Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    JsonFields json = parseOrNull(request.body());
    if (json == null || json.has("/event")) {
      return Optional.empty();
    }
    int type = json.intValue("/type", -1);
    if (type == 1) {
      verify(request, context);
      return Optional.of(Reply.json(200, "{\"type\":1}"));
    }
    if (type == 0) {
      verify(request, context);
      return Optional.of(Reply.empty(204));
    }
    return Optional.empty();
  }

  /** The body as JSON, or null: a bad body must still fail verification first, with 401. */
  private static JsonFields parseOrNull(byte[] body) {
    try {
      return JsonBodies.parse(body, FIELDS);
    } catch (ProblemException e) {
      return null;
    }
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    byte[] signature = signature(request);
    String timestamp = request.header(TIMESTAMP);
    if (timestamp == null) {
      throw VerificationFailure.missingHeader(TIMESTAMP);
    }
    requireFresh(timestamp, context);
    byte[] message = Signatures.concat(Signatures.utf8(timestamp), request.body());
    for (String secret : context.secrets()) {
      if (verifies(secret, message, signature)) {
        return;
      }
    }
    throw VerificationFailure.mismatch(SIGNATURE);
  }

  private static byte[] signature(IncomingRequest request) {
    String hex = request.header(SIGNATURE);
    if (hex == null) {
      throw VerificationFailure.missingHeader(SIGNATURE);
    }
    try {
      byte[] signature = HexFormat.of().parseHex(hex.trim());
      if (signature.length == 64) {
        return signature;
      }
    } catch (IllegalArgumentException e) {
      // Reported below.
    }
    throw new VerificationFailure("malformed-signature", SIGNATURE + " is not 64 hex bytes.");
  }

  private static void requireFresh(String timestamp, VerificationContext context) {
    SignedTimestamps.requireWithin(
        SignedTimestamps.parse(TIMESTAMP, timestamp), TOLERANCE, context.clock());
  }

  /** True when {@code publicKeyHex} is a valid key and the signature is its signature. */
  private static boolean verifies(String publicKeyHex, byte[] message, byte[] signature) {
    try {
      byte[] raw = HexFormat.of().parseHex(publicKeyHex.trim());
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(Signatures.concat(X509_PREFIX, raw)));
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(key);
      ed25519.update(message);
      return ed25519.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // A secret that is not a 32-byte hex key verifies nothing.
      return false;
    }
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    if (json.has("/event")) {
      String type = json.text("/event/type");
      return new EventFacts(
          "discord." + (type == null ? "unknown" : type), userOf(json), null, null);
    }
    int type = json.intValue("/type", -1);
    String kind = type >= 1 && type <= INTERACTIONS.size() ? INTERACTIONS.get(type - 1) : "unknown";
    String subject = json.text("/data/name");
    return new EventFacts(
        "discord.interaction." + kind,
        subject == null ? json.text("/data/custom_id") : subject,
        null,
        json.text("/id"));
  }

  /** The user an event is about: {@code event.data.user.id} or {@code event.data.user_id}. */
  private static String userOf(JsonFields json) {
    String user = json.text("/event/data/user/id");
    return user == null ? json.text("/event/data/user_id") : user;
  }

  @Override
  public Reply accepted(String eventId, boolean duplicate) {
    return Reply.empty(204);
  }
}
