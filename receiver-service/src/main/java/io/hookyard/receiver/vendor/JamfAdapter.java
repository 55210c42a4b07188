package io.hookyard.receiver.vendor;

import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Jamf Pro: one webhook per event type, POSTed as {@code {"webhook":{"id","name","webhookEvent",
 * "eventTimestamp"},"event":{...}}}. Jamf signs nothing; a webhook authenticates with Basic
 * Authentication or, in recent versions, a custom header. The source's setting {@code auth} picks:
 *
 * <ul>
 *   <li>{@code basic} (default): {@code Authorization: Basic} with user {@code username} (default
 *       {@code jamf}) and the source's secret as password;
 *   <li>{@code header}: the header {@code header} (default {@code Authorization}) carrying the
 *       secret, bare or after {@code Bearer }.
 * </ul>
 *
 * Jamf can send JSON or XML; only JSON is read, and an XML body gets a 415 saying to switch the
 * webhook's content type. The type is {@code jamf.<webhook.webhookEvent>}; the subject is the
 * device's serial number, else its UDID, in {@code event} or {@code event.computer}. {@code
 * webhook.id} names the webhook, not the delivery, so there is no dedup key.
 */
@Singleton
public class JamfAdapter implements VendorAdapter {
  private static final List<String> DEVICE =
      List.of(
          "/event/serialNumber",
          "/event/computer/serialNumber",
          "/event/udid",
          "/event/computer/udid");
  private static final JsonFields.Selection FIELDS =
      JsonFields.select(
          "/webhook/webhookEvent", DEVICE.get(0), DEVICE.get(1), DEVICE.get(2), DEVICE.get(3));

  @Override
  public String vendor() {
    return "jamf";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Jamf Pro",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("POST"),
        List.of(
            sample("ComputerAdded", "A computer was added", "computer-added.json"),
            sample(
                "ComputerPolicyFinished",
                "A policy finished on a computer",
                "computer-policy-finished.json"),
            sample(
                "MobileDeviceEnrolled", "A mobile device was enrolled", "mobile-enrolled.json")));
  }

  private EventSample sample(String event, String description, String file) {
    return EventSamples.of(vendor(), "jamf." + event, description, file);
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    switch (context.setting("auth", "basic")) {
      case "basic" ->
          SharedSecrets.requireBasic(request, context, context.setting("username", "jamf"));
      case "header" ->
          SharedSecrets.requireHeader(
              request, context, context.setting("header", "Authorization"), "Bearer");
      default ->
          // Fail closed: a source whose auth is unknown accepts nothing.
          throw new VerificationFailure("unknown-auth", "This source's auth setting is not known.");
    }
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    if (request.mediaType().endsWith("xml")) {
      throw new ProblemException(
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "This source reads JSON: set the Jamf Pro webhook's content type to JSON."));
    }
    JsonFields json = JsonBodies.require(request, FIELDS);
    String event = json.text("/webhook/webhookEvent");
    return new EventFacts(
        "jamf." + (event == null || event.isBlank() ? "unknown" : event), device(json), null, null);
  }

  private static String device(JsonFields json) {
    for (String pointer : DEVICE) {
      String value = json.text(pointer);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
