package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * HPE Compute Ops Management (COM). COM signs nothing: a webhook proves itself only through the
 * custom {@code headers} configured on it, which are write-only in COM. The source's setting {@code
 * header} (default {@code Authorization}) names that header; its value is the source's secret, bare
 * or after {@code Bearer }.
 *
 * <p>Before the first delivery, on every enable and on any change of the destination or the
 * headers, COM sends a GET with {@code x-compute-ops-mgmt-verification-challenge: <value>} and
 * expects 200, {@code application/json}, {@code {"verification":"<value>"}}; anything else disables
 * the webhook. Because COM re-runs this handshake when the headers change, it sends the configured
 * headers with it, so the handshake must carry the secret header too: an unauthenticated echo would
 * let anyone activate a COM webhook aimed at this URL. A source whose COM does not send them on the
 * challenge can set {@code handshakeAuth} to {@code none}; the challenge is then answered without
 * the header, and deliveries still need it. A GET without the challenge is not a handshake and is
 * refused.
 *
 * <p>Deliveries are POSTs carrying a snapshot of the resource with its {@code type}, {@code id},
 * {@code operation} (Created, Updated, Deleted) and {@code updatedAt}. Payloads may name the type
 * {@code compute-ops-mgmt/server}, while COM's {@code eventFilter} says {@code compute-ops/server};
 * the event type is normalised to the filter namespace so rules read like COM subscriptions. COM
 * sends no delivery id, so there is no dedup key.
 */
@Singleton
public class HpeComAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select("/type", "/id", "/operation");
  static final String CHALLENGE = "x-compute-ops-mgmt-verification-challenge";
  static final String TYPE_PREFIX = "compute-ops/";
  private static final String PAYLOAD_TYPE_PREFIX = "compute-ops-mgmt/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String vendor() {
    return "hpe-com";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "HPE Compute Ops Management",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("GET", "POST"),
        List.of(
            EventSamples.of(
                vendor(),
                "compute-ops/server",
                "A server changed: power state, health, tags, firmware...",
                "server-updated.json"),
            EventSamples.of(
                vendor(), "compute-ops/alert", "A server raised an alert", "alert-created.json"),
            EventSamples.of(
                vendor(), "compute-ops/job", "A job changed state", "job-updated.json")));
  }

  @Override
  public Optional<Reply> handshake(IncomingRequest request, VerificationContext context) {
    if (!"GET".equals(request.method())) {
      return Optional.empty();
    }
    if (!"none".equals(context.setting("handshakeAuth", "header"))) {
      verify(request, context);
    }
    String challenge = request.header(CHALLENGE);
    if (challenge == null || challenge.isEmpty()) {
      throw VerificationFailure.missingHeader(CHALLENGE);
    }
    String body = MAPPER.createObjectNode().put("verification", challenge).toString();
    return Optional.of(Reply.json(200, body));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    SharedSecrets.requireHeader(
        request, context, context.setting("header", "Authorization"), "Bearer");
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    return new EventFacts(
        normaliseType(json.text("/type")), json.text("/id"), json.text("/operation"), null);
  }

  /** {@code compute-ops-mgmt/server} and {@code compute-ops/server} both become the latter. */
  static String normaliseType(String type) {
    if (type == null || type.isBlank()) {
      return TYPE_PREFIX + "unknown";
    }
    if (type.startsWith(PAYLOAD_TYPE_PREFIX)) {
      return TYPE_PREFIX + type.substring(PAYLOAD_TYPE_PREFIX.length());
    }
    return type;
  }
}
