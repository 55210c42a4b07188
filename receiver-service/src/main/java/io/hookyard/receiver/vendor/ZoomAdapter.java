package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Zoom: {@code x-zm-signature: v0=<hex HMAC-SHA256(secret token, "v0:<ts>:<raw body>")>} with
 * {@code x-zm-request-timestamp: <unix seconds>}. Zoom's own sample re-serialises the parsed JSON
 * before hashing; only the raw bytes prove anything, so they are what is hashed. Zoom states no
 * tolerance; five minutes either way, as for Slack's identical scheme, stops replays without
 * failing on ordinary clock skew.
 *
 * <p>Zoom validates the URL when it is saved and every 72 hours with a signed {@code
 * endpoint.url_validation} event, and expects {@code {"plainToken", "encryptedToken"}} back, the
 * latter the hex HMAC of the plain token. The request is verified first and answered with the
 * secret that verified it, so a rotation's overlap keeps validation working. Zoom counts only 200
 * and 204 as delivered, so accepted events get 200 rather than 202.
 */
@Singleton
public class ZoomAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select("/event", "/payload/plainToken", "/payload/object/id");
  static final String SIGNATURE = "x-zm-signature";
  static final String TIMESTAMP = "x-zm-request-timestamp";
  private static final String PREFIX = "v0=";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String vendor() {
    return "zoom";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Zoom",
        VendorProfile.SecretOrigin.PROVIDED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(), "zoom.meeting.started", "A meeting started", "meeting-started.json"),
            EventSamples.of(
                vendor(),
                "zoom.meeting.participant_joined",
                "Someone joined a meeting",
                "participant-joined.json"),
            EventSamples.of(
                vendor(),
                "zoom.recording.completed",
                "A cloud recording is ready",
                "recording-completed.json")));
  }

  @Override
  public Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    JsonFields json = request.isJson() ? parseOrNull(request.body()) : null;
    if (json == null || !"endpoint.url_validation".equals(json.text("/event"))) {
      return Optional.empty();
    }
    String secret = verifiedSecret(request, context);
    String plainToken = json.text("/payload/plainToken");
    if (plainToken == null) {
      throw ProblemException.badRequest("missing-plain-token", "The validation has no plainToken.");
    }
    String encryptedToken =
        Signatures.hex(Signatures.hmacSha256(secret, Signatures.utf8(plainToken)));
    String answer =
        MAPPER
            .createObjectNode()
            .put("plainToken", plainToken)
            .put("encryptedToken", encryptedToken)
            .toString();
    return Optional.of(Reply.json(200, answer));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    verifiedSecret(request, context);
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String event = json.text("/event");
    return new EventFacts(
        "zoom." + (event == null ? "unknown" : event),
        json.text("/payload/object/id"),
        EventOperations.of(event),
        request.header("x-zm-trackingid"));
  }

  @Override
  public Reply accepted(String eventId, boolean duplicate) {
    Reply reply = VendorAdapter.super.accepted(eventId, duplicate);
    return new Reply(200, reply.contentType(), reply.body());
  }

  /** The secret that signed the request. */
  private static String verifiedSecret(IncomingRequest request, VerificationContext context) {
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
        return secret;
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

  // A malformed body is not a handshake; read() reports it once the request has verified.
  private static JsonFields parseOrNull(byte[] body) {
    try {
      return JsonBodies.parse(body, FIELDS);
    } catch (ProblemException e) {
      return null;
    }
  }
}
