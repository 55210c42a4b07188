package io.hookyard.receiver.vendor;

import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Twitch EventSub, webhook transport.
 *
 * <p>Every message, the subscription's verification included, carries {@code
 * Twitch-Eventsub-Message-Signature: sha256=<hex HMAC-SHA256(secret, id + timestamp + raw body)>},
 * the message id and timestamp headers concatenated verbatim with the body, without separators. The
 * secret is the one given to Twitch when subscribing (10 to 100 ASCII characters; the generated one
 * has 47).
 *
 * <p>Twitch says to reject messages older than 10 minutes and to deduplicate on the message id,
 * which resends keep. A timestamp more than 10 minutes ahead of our clock is rejected as well: it
 * can only come from a badly skewed clock, and accepting it would stretch the replay window.
 *
 * <p>{@code webhook_callback_verification} is verified like any message, then answered with 200 and
 * the raw {@code challenge} as plain text. {@code revocation} messages (the subscription was
 * revoked) are stored as {@code twitch.revocation}.
 */
@Singleton
public class TwitchAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select(
          "/challenge",
          "/subscription/id",
          "/subscription/type",
          "/event/broadcaster_user_id",
          "/subscription/condition/broadcaster_user_id");
  static final String MESSAGE_ID = "Twitch-Eventsub-Message-Id";
  static final String TIMESTAMP = "Twitch-Eventsub-Message-Timestamp";
  static final String SIGNATURE = "Twitch-Eventsub-Message-Signature";
  static final String MESSAGE_TYPE = "Twitch-Eventsub-Message-Type";
  static final Duration TOLERANCE = Duration.ofMinutes(10);
  private static final String PREFIX = "sha256=";

  @Override
  public String vendor() {
    return "twitch";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Twitch EventSub",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(), "twitch.stream.online", "A broadcaster went live", "stream-online.json"),
            EventSamples.of(
                vendor(), "twitch.channel.follow", "A user followed", "channel-follow.json"),
            EventSamples.of(
                vendor(), "twitch.revocation", "A subscription was revoked", "revocation.json")));
  }

  @Override
  public Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    if (!"webhook_callback_verification".equals(request.header(MESSAGE_TYPE))) {
      return Optional.empty();
    }
    verify(request, context);
    String challenge = JsonBodies.require(request, FIELDS).text("/challenge");
    if (challenge == null) {
      throw ProblemException.badRequest("invalid-body", "The verification has no challenge.");
    }
    return Optional.of(Reply.text(challenge));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    String id = require(request, MESSAGE_ID);
    String timestamp = require(request, TIMESTAMP);
    String presented = require(request, SIGNATURE);
    if (!presented.startsWith(PREFIX)) {
      throw new VerificationFailure("wrong-prefix", SIGNATURE + " must start with " + PREFIX);
    }
    requireFresh(timestamp, context);
    byte[] signed = Signatures.concat(Signatures.utf8(id + timestamp), request.body());
    for (String secret : context.secrets()) {
      String expected = PREFIX + Signatures.hex(Signatures.hmacSha256(secret, signed));
      if (Signatures.constantTimeEquals(expected, presented)) {
        return;
      }
    }
    throw VerificationFailure.mismatch(SIGNATURE);
  }

  private static String require(IncomingRequest request, String header) {
    String value = request.header(header);
    if (value == null) {
      throw VerificationFailure.missingHeader(header);
    }
    return value;
  }

  private static void requireFresh(String timestamp, VerificationContext context) {
    Instant sent;
    try {
      sent = OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      throw new VerificationFailure("malformed-timestamp", TIMESTAMP + " is not RFC 3339.");
    }
    Duration age = Duration.between(sent, context.clock().instant());
    if (age.compareTo(TOLERANCE) > 0) {
      throw new VerificationFailure("timestamp-too-old", "The message is older than 10 minutes.");
    }
    if (age.negated().compareTo(TOLERANCE) > 0) {
      throw new VerificationFailure(
          "timestamp-in-future", "The message is dated more than 10 minutes ahead.");
    }
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String deliveryId = request.header(MESSAGE_ID);
    if ("revocation".equals(request.header(MESSAGE_TYPE))) {
      return new EventFacts("twitch.revocation", json.text("/subscription/id"), null, deliveryId);
    }
    String type = json.text("/subscription/type");
    String broadcaster = json.text("/event/broadcaster_user_id");
    return new EventFacts(
        "twitch." + (type == null ? "unknown" : type),
        broadcaster == null
            ? json.text("/subscription/condition/broadcaster_user_id")
            : broadcaster,
        null,
        deliveryId);
  }
}
