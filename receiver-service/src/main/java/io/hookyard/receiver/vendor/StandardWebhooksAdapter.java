package io.hookyard.receiver.vendor;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks, and Svix which brands the same headers {@code svix-*}: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature}, a space-separated list of {@code
 * v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">}. The key is the base64 after {@code
 * whsec_}, decoded, unlike Stripe's. A sender in rotation signs with each of its secrets, so any
 * {@code v1} match is enough, and versions this receiver does not know ({@code v1a} asymmetric
 * signatures, future ones) are skipped rather than refused. The spec refuses timestamps more than
 * five minutes off in either direction. Redeliveries keep their id, which is the dedup key.
 *
 * <p>Senders built on the spec commonly let the endpoint's owner set the secret, so Hookyard
 * generates one in the spec's format; a secret the sender issued (Svix shows one per endpoint) can
 * be pasted in instead.
 */
@Singleton
public class StandardWebhooksAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS = JsonFields.select("/type", "/data/id");
  static final String SECRET_PREFIX = "whsec_";
  // Svix's libraries take whichever set is complete, the unbranded one first.
  private static final List<String> BRANDS = List.of("webhook-", "svix-");

  @Override
  public String vendor() {
    return "standard-webhooks";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Standard Webhooks (Svix)",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(),
                "standard-webhooks.contact.created",
                "A contact was created",
                "contact-created.json"),
            EventSamples.of(
                vendor(),
                "standard-webhooks.invoice.paid",
                "An invoice was paid",
                "invoice-paid.json")));
  }

  /** The spec's format: {@code whsec_} and the base64 of 32 random bytes. */
  @Override
  public String generateSecret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    String brand = brand(request);
    String id = require(request, brand + "id");
    String timestamp = require(request, brand + "timestamp");
    List<String> presented = v1Signatures(require(request, brand + "signature"), brand);
    SignedTimestamps.requireWithin(
        SignedTimestamps.parse(brand + "timestamp", timestamp),
        SignedTimestamps.FIVE_MINUTES,
        context.clock());
    byte[] signed = Signatures.concat(Signatures.utf8(id + "." + timestamp + "."), request.body());
    for (String secret : context.secrets()) {
      byte[] key = key(secret);
      if (key == null) {
        continue;
      }
      String expected = Signatures.base64(Signatures.hmac("HmacSHA256", key, signed));
      for (String signature : presented) {
        if (Signatures.constantTimeEquals(expected, signature)) {
          return;
        }
      }
    }
    throw VerificationFailure.mismatch(brand + "signature");
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String type = json.text("/type");
    return new EventFacts(
        vendor() + "." + (type == null ? "unknown" : type),
        json.text("/data/id"),
        null,
        request.header(brand(request) + "id"));
  }

  private static String brand(IncomingRequest request) {
    for (String brand : BRANDS) {
      if (request.header(brand + "id") != null
          && request.header(brand + "timestamp") != null
          && request.header(brand + "signature") != null) {
        return brand;
      }
    }
    return request.header("svix-id") != null ? "svix-" : "webhook-";
  }

  private static List<String> v1Signatures(String header, String brand) {
    List<String> signatures = new ArrayList<>();
    for (String versioned : header.trim().split(" +")) {
      if (versioned.startsWith("v1,")) {
        signatures.add(versioned.substring(3));
      }
    }
    if (signatures.isEmpty()) {
      throw new VerificationFailure(
          "wrong-prefix", brand + "signature has no v1,<signature> entry.");
    }
    return signatures;
  }

  // A secret that is not base64 after the prefix cannot have signed anything.
  private static byte[] key(String secret) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String require(IncomingRequest request, String header) {
    String value = request.header(header);
    if (value == null) {
      throw VerificationFailure.missingHeader(header);
    }
    return value;
  }
}
