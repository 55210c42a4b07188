package io.hookyard.receiver.vendor;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;

/**
 * PagerDuty v3 webhooks: {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256(secret, raw body)>}. The
 * header is a comma-separated list so that PagerDuty can sign with an old and a new secret during
 * its own rotation; a request is genuine when any {@code v1} entry matches, and other versions are
 * ignored. The secret is shown once by PagerDuty when the subscription is created.
 *
 * <p>There is no timestamp and no handshake: the "test" button sends an ordinary signed {@code
 * pagey.ping}. {@code X-Webhook-Id} stays the same across retries and is the dedup key.
 */
@Singleton
public class PagerDutyAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select("/event/event_type", "/event/data/id");
  static final String SIGNATURE = "X-PagerDuty-Signature";
  private static final String PREFIX = "v1=";

  @Override
  public String vendor() {
    return "pagerduty";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "PagerDuty",
        VendorProfile.SecretOrigin.PROVIDED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(),
                "pagerduty.incident.triggered",
                "An incident was opened",
                "incident-triggered.json"),
            EventSamples.of(
                vendor(),
                "pagerduty.incident.resolved",
                "An incident was resolved",
                "incident-resolved.json"),
            EventSamples.of(
                vendor(), "pagerduty.pagey.ping", "A test sent from PagerDuty", "ping.json")));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    List<String> presented = v1Signatures(request.header(SIGNATURE));
    for (String secret : context.secrets()) {
      String expected = PREFIX + Signatures.hex(Signatures.hmacSha256(secret, request.body()));
      for (String signature : presented) {
        if (Signatures.constantTimeEquals(expected, signature)) {
          return;
        }
      }
    }
    throw VerificationFailure.mismatch(SIGNATURE);
  }

  /** The {@code v1=} entries of the header; entries of other versions are ignored. */
  private static List<String> v1Signatures(String header) {
    if (header == null) {
      throw VerificationFailure.missingHeader(SIGNATURE);
    }
    List<String> signatures =
        Arrays.stream(header.split(","))
            .map(String::trim)
            .filter(s -> s.startsWith(PREFIX))
            .toList();
    if (signatures.isEmpty()) {
      throw new VerificationFailure(
          "wrong-prefix", SIGNATURE + " has no " + PREFIX + " signature.");
    }
    return signatures;
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String eventType = json.text("/event/event_type");
    return new EventFacts(
        "pagerduty." + (eventType == null ? "unknown" : eventType),
        json.text("/event/data/id"),
        null,
        request.header("X-Webhook-Id"));
  }
}
