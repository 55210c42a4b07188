package io.hookyard.receiver.vendor;

import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slack: {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:<ts>:<raw body>")>} with
 * {@code X-Slack-Request-Timestamp: <ts>}. The Events API sends JSON; slash commands and
 * interactions send forms (an interaction's JSON sits in the {@code payload} field), and all are
 * signed over the raw body. Slack's Python SDK refuses a timestamp more than five minutes off in
 * either direction; the JS one only refuses stale ones. A request stamped far ahead is as
 * replayable later as a stale one is now, so both are refused.
 *
 * <p>The {@code url_verification} handshake is signed too, so it is verified before its challenge
 * is echoed: an unsigned echo would let anyone point a Slack app at this URL. Events are retried on
 * timeouts with the same {@code event_id}, which is the dedup key. Accepted requests get a bare
 * 200: Slack shows the body of a slash command's answer to the user, and interactions read theirs
 * as instructions.
 */
@Singleton
public class SlackAdapter implements VendorAdapter {
  // Handshakes, events and interaction payloads: one selection serves them all.
  private static final JsonFields.Selection FIELDS =
      JsonFields.select(
          "/type",
          "/challenge",
          "/event/type",
          "/event/channel",
          "/event/item/channel",
          "/event/channel/id",
          "/event_id",
          "/channel/id",
          "/container/channel_id");
  static final String SIGNATURE = "X-Slack-Signature";
  static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  private static final String PREFIX = "v0=";

  @Override
  public String vendor() {
    return "slack";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Slack",
        VendorProfile.SecretOrigin.PROVIDED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(), "slack.app_mention", "The app was mentioned", "app-mention.json"),
            EventSamples.of(
                vendor(), "slack.message", "A message was posted in a channel", "message.json"),
            EventSamples.of(
                vendor(),
                "slack.reaction_added",
                "Someone reacted to a message",
                "reaction-added.json")));
  }

  @Override
  public Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    JsonFields json = request.isJson() ? parseOrNull(request.body()) : null;
    if (json == null || !"url_verification".equals(json.text("/type"))) {
      return Optional.empty();
    }
    verify(request, context);
    String challenge = json.text("/challenge");
    if (challenge == null) {
      throw ProblemException.badRequest("missing-challenge", "url_verification has no challenge.");
    }
    return Optional.of(Reply.text(challenge));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    String presented = require(request, SIGNATURE);
    String timestamp = require(request, TIMESTAMP);
    if (!presented.startsWith(PREFIX)) {
      throw new VerificationFailure("wrong-prefix", SIGNATURE + " must start with " + PREFIX);
    }
    SignedTimestamps.requireWithin(
        SignedTimestamps.parse(TIMESTAMP, timestamp),
        SignedTimestamps.FIVE_MINUTES,
        context.clock());
    byte[] signed = Signatures.concat(Signatures.utf8("v0:" + timestamp + ":"), request.body());
    for (String secret : context.secrets()) {
      String expected = PREFIX + Signatures.hex(Signatures.hmacSha256(secret, signed));
      if (Signatures.constantTimeEquals(expected, presented)) {
        return;
      }
    }
    throw VerificationFailure.mismatch(SIGNATURE);
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    if (FormBodies.isForm(request)) {
      return readForm(FormBodies.parse(request.body()));
    }
    if (!request.isJson()) {
      throw FormBodies.unsupportedMediaType(
          "application/json and application/x-www-form-urlencoded");
    }
    JsonFields json = JsonBodies.parse(request.body(), FIELDS);
    String type = json.text("/type");
    if ("event_callback".equals(type)) {
      type = json.text("/event/type");
    }
    return new EventFacts(
        "slack." + (type == null ? "unknown" : type),
        firstOf(json, "/event/channel", "/event/item/channel", "/event/channel/id"),
        null,
        json.text("/event_id"));
  }

  @Override
  public Reply accepted(String eventId, boolean duplicate) {
    return Reply.empty(200);
  }

  // Neither slash commands nor interactions carry a delivery id: Slack does not retry them.
  private static EventFacts readForm(Map<String, List<String>> form) {
    String payload = FormBodies.first(form, "payload");
    if (payload != null) {
      JsonFields json = JsonBodies.parse(Signatures.utf8(payload), FIELDS);
      String type = json.text("/type");
      return new EventFacts(
          "slack." + (type == null ? "unknown" : type),
          firstOf(json, "/channel/id", "/container/channel_id"),
          null,
          null);
    }
    if (FormBodies.first(form, "command") != null) {
      return new EventFacts(
          "slack.slash_command", FormBodies.first(form, "channel_id"), null, null);
    }
    throw ProblemException.badRequest(
        "unknown-form", "The form is neither a slash command nor an interaction payload.");
  }

  private static String require(IncomingRequest request, String header) {
    String value = request.header(header);
    if (value == null) {
      throw VerificationFailure.missingHeader(header);
    }
    return value;
  }

  // A malformed body is not a handshake; read() reports it once the request has verified.
  private static JsonFields parseOrNull(byte[] body) {
    try {
      return JsonBodies.parse(body, FIELDS);
    } catch (ProblemException e) {
      return null;
    }
  }

  private static String firstOf(JsonFields json, String... pointers) {
    for (String pointer : pointers) {
      String text = json.text(pointer);
      if (text != null) {
        return text;
      }
    }
    return null;
  }
}
