package io.hookyard.receiver.vendor;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * Scalefusion: a POST of {@code {"event":"device.enrolled","data":{"devices":[...]}}} signed with
 * the Secret Key the admin enters under Integrations &gt; Webhooks. Hookyard generates that key and
 * the admin pastes it into Scalefusion.
 *
 * <p>Scalefusion's help page only says the key signs the body and that the hash arrives in {@code
 * X-SF-Signature}. The encoding is <b>not confirmed</b> by official text: this adapter follows the
 * one working receiver found, {@code X-SF-Signature: <lowercase hex HMAC-SHA256(key, raw body)>}
 * with no prefix (upper-case hex is accepted too). A value with a {@code sha256=}-style prefix
 * fails as {@code wrong-prefix} so a mismatch with the real format shows up plainly in the request
 * log. Check it against a real delivery (the Mock button sends one).
 *
 * <p>The event type is {@code scalefusion.<event>}; only {@code device.enrolled} is confirmed as an
 * event name, the others in the samples follow the same pattern. The subject is the first device's
 * serial number, else its id. Scalefusion logs a request UUID per invocation but where it travels
 * is not documented, so there is no dedup key.
 */
@Singleton
public class ScalefusionAdapter implements VendorAdapter {
  private static final String FIRST_OF_DEVICES = "/data/devices/0";
  private static final JsonFields.Selection FIELDS =
      JsonFields.select(
          "/event",
          FIRST_OF_DEVICES,
          FIRST_OF_DEVICES + "/serial_no",
          FIRST_OF_DEVICES + "/id",
          "/data/device/serial_no",
          "/data/device/id");
  static final String SIGNATURE = "X-SF-Signature";

  @Override
  public String vendor() {
    return "scalefusion";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Scalefusion",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("POST"),
        List.of(
            sample("device.enrolled", "A device was enrolled", "device-enrolled.json"),
            sample("device.locked", "A device was locked", "device-locked.json"),
            sample("device.lost", "A device was put in lost mode", "device-lost.json"),
            sample("device.rebooted", "A device was rebooted", "device-rebooted.json")));
  }

  private EventSample sample(String event, String description, String file) {
    return EventSamples.of(vendor(), "scalefusion." + event, description, file);
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    String presented = request.header(SIGNATURE);
    if (presented == null) {
      throw VerificationFailure.missingHeader(SIGNATURE);
    }
    if (presented.contains("=")) {
      throw new VerificationFailure(
          "wrong-prefix", SIGNATURE + " must be the bare hex HMAC, without a prefix.");
    }
    String normalised = presented.trim().toLowerCase(Locale.ROOT);
    boolean matched = false;
    for (String secret : context.secrets()) {
      String expected = Signatures.hex(Signatures.hmacSha256(secret, request.body()));
      matched |= Signatures.constantTimeEquals(expected, normalised);
    }
    if (!matched) {
      throw VerificationFailure.mismatch(SIGNATURE);
    }
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String event = json.text("/event");
    return new EventFacts(
        "scalefusion." + (event == null || event.isBlank() ? "unknown" : event),
        firstDevice(json),
        null,
        null);
  }

  // The first of data.devices, else data.device.
  private static String firstDevice(JsonFields json) {
    String device = json.has(FIRST_OF_DEVICES) ? FIRST_OF_DEVICES : "/data/device";
    String serial = json.text(device + "/serial_no");
    return serial != null && !serial.isBlank() ? serial : json.text(device + "/id");
  }
}
