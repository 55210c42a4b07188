package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * One vendor's dialect: its handshake, how it proves who it is, and how to read the envelope facts
 * out of its requests. Adding a vendor means adding one implementation (a CDI bean) and its test;
 * the receiver, the catalogue and source creation pick it up from here.
 */
public interface VendorAdapter {

  /** The vendor's key as sources store it, such as {@code generic} or {@code github}. */
  String vendor();

  /** How the vendor is set up, and the event types it sends with sample payloads. */
  VendorProfile profile();

  /**
   * A new secret for a source whose secret Hookyard generates: 32 random bytes, URL-safe, with a
   * prefix secret scanners can spot. Vendors with their own format override it.
   */
  default String generateSecret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "hyk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Answers the vendor's handshake when {@code request} is one (a verification GET, a challenge
   * POST...). Signed handshakes are verified first and throw {@link VerificationFailure} when the
   * signature is wrong. Nothing is stored for a handshake.
   */
  default Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    return Optional.empty();
  }

  /**
   * Checks that the request really comes from the vendor, on the raw bytes and in constant time.
   *
   * @throws VerificationFailure naming the check that failed
   */
  void verify(IncomingRequest request, VerificationContext context);

  /**
   * Reads the event type, subject, operation and the vendor's delivery id of a verified request.
   *
   * @throws io.hookyard.common.problem.ProblemException 4xx when the body is not what the vendor
   *     sends
   */
  EventFacts read(IncomingRequest request);

  /**
   * The subject's state before this event, where the vendor sends it along (Stripe's {@code
   * previous_attributes}), in the same shape as the event's data so that filters can compare {@code
   * old/…} with {@code new/…} path by path. Rules-service prefers it to the state it remembers.
   * Called when the event is forwarded, never on the ingest path; {@code body} is the stored body,
   * which the adapter accepted.
   */
  default Optional<JsonNode> previousState(byte[] body) {
    return Optional.empty();
  }

  /**
   * The request as its event is stored: the request itself, unless the vendor puts the event
   * somewhere other than the body (Twilio's GET webhooks carry it in the query). Called after
   * {@link #verify} and {@link #read}.
   */
  default IncomingRequest stored(IncomingRequest request) {
    return request;
  }

  /** The answer to an accepted event: 202 with its id unless the vendor wants something else. */
  default Reply accepted(String eventId, boolean duplicate) {
    return Reply.json(202, "{\"id\":\"" + eventId + "\",\"duplicate\":" + duplicate + "}");
  }
}
