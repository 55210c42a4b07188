package io.hookyard.receiver.vendor;

import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>}. No timestamp, so
 * replays are stopped by dedup on {@code X-GitHub-Delivery}. The {@code ping} sent when a hook is
 * created is an ordinary signed event.
 */
@Singleton
public class GithubAdapter implements VendorAdapter {
  static final String SIGNATURE = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";
  private static final String REPOSITORY = "/repository/full_name";
  private static final JsonFields.Selection FIELDS = JsonFields.select(REPOSITORY);

  @Override
  public String vendor() {
    return "github";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "GitHub",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("POST"),
        List.of(
            EventSamples.of(vendor(), "github.ping", "Sent when a webhook is created", "ping.json"),
            EventSamples.of(
                vendor(), "github.push", "Commits pushed to a repository", "push.json")));
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
    JsonFields json =
        FormBodies.isForm(request) ? formPayload(request) : JsonBodies.require(request, FIELDS);
    String event = request.header("X-GitHub-Event");
    return new EventFacts(
        "github." + (event == null ? "unknown" : event),
        json.text(REPOSITORY),
        null,
        request.header("X-GitHub-Delivery"));
  }

  // A hook set to form content sends the same JSON as the form field `payload`.
  private static JsonFields formPayload(IncomingRequest request) {
    String payload = FormBodies.first(FormBodies.parse(request.body()), "payload");
    if (payload == null) {
      throw ProblemException.badRequest("missing-payload", "The form has no payload field.");
    }
    return JsonBodies.parse(Signatures.utf8(payload), FIELDS);
  }
}
