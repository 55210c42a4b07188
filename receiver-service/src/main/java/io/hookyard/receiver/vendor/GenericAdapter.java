package io.hookyard.receiver.vendor;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The generic vendor: any JSON request, authenticated in the way the source's {@code auth} setting
 * names.
 *
 * <ul>
 *   <li>{@code token} (default): the secret as {@code Authorization: Bearer}, as {@code
 *       X-Hookyard-Token}, or as the {@code token} query parameter for senders that only take a
 *       URL.
 *   <li>{@code hmac}: an HMAC of the raw body in {@code header} ({@code algorithm} sha1, sha256 or
 *       sha512; {@code encoding} hex or base64; an optional {@code prefix}). With a {@code
 *       timestampHeader} the signed text is {@code <timestamp>.<body>} and the timestamp must be
 *       within {@code toleranceSeconds} (300) of now.
 *   <li>{@code basic}: HTTP basic auth with {@code username} and the secret.
 *   <li>{@code api-key}: the secret in the {@code header} header.
 * </ul>
 *
 * The event type is the {@code X-Hookyard-Event-Type} header or the body's {@code type} or {@code
 * event}; the subject is {@code X-Hookyard-Subject} or the body's {@code subject}; the dedup key is
 * {@code Idempotency-Key} or {@code webhook-id}.
 */
@Singleton
public class GenericAdapter implements VendorAdapter {
  static final String DEFAULT_TYPE = "generic.event";
  private static final JsonFields.Selection FIELDS =
      JsonFields.select("/type", "/event", "/subject");

  @Override
  public String vendor() {
    return "generic";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Generic JSON",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("POST", "PUT", "PATCH"),
        List.of(EventSamples.of(vendor(), DEFAULT_TYPE, "Any JSON document", "event.json")));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    switch (context.setting("auth", "token")) {
      case "token" -> verifyToken(request, context);
      case "hmac" -> verifyHmac(request, context);
      case "basic" ->
          SharedSecrets.requireBasic(request, context, context.setting("username", "hookyard"));
      case "api-key" ->
          SharedSecrets.requireHeader(
              request, context, context.setting("header", "X-Api-Key"), null);
      default ->
          // Fail closed: a source whose auth is unknown accepts nothing.
          throw new VerificationFailure("unknown-auth", "This source's auth setting is not known.");
    }
  }

  private static void verifyToken(IncomingRequest request, VerificationContext context) {
    if (request.header("Authorization") != null) {
      SharedSecrets.requireHeader(request, context, "Authorization", "Bearer");
    } else if (request.header("X-Hookyard-Token") != null) {
      SharedSecrets.requireHeader(request, context, "X-Hookyard-Token", null);
    } else if (request.queryParameter("token") != null) {
      SharedSecrets.requireQueryToken(request, context, "token");
    } else {
      throw new VerificationFailure(
          "missing-token", "This source needs its token: Authorization: Bearer <token>.");
    }
  }

  private static void verifyHmac(IncomingRequest request, VerificationContext context) {
    String header = context.setting("header", "X-Signature");
    String presented = request.header(header);
    if (presented == null) {
      throw VerificationFailure.missingHeader(header);
    }
    String prefix = context.setting("prefix", "");
    if (!presented.startsWith(prefix)) {
      throw new VerificationFailure("wrong-prefix", header + " must start with '" + prefix + "'.");
    }
    byte[] message = request.body();
    String timestampHeader = context.setting("timestampHeader", null);
    if (timestampHeader != null) {
      String timestamp = request.header(timestampHeader);
      if (timestamp == null) {
        throw VerificationFailure.missingHeader(timestampHeader);
      }
      requireFresh(timestamp, context);
      message = Signatures.concat(Signatures.utf8(timestamp + "."), message);
    }
    String algorithm = "Hmac" + context.setting("algorithm", "sha256").toUpperCase(Locale.ROOT);
    boolean base64 = context.setting("encoding", "hex").equals("base64");
    for (String secret : context.secrets()) {
      byte[] mac = Signatures.hmac(algorithm, Signatures.utf8(secret), message);
      String expected =
          prefix + (base64 ? Base64.getEncoder().encodeToString(mac) : Signatures.hex(mac));
      if (Signatures.constantTimeEquals(expected, presented)) {
        return;
      }
    }
    throw VerificationFailure.mismatch(header);
  }

  private static void requireFresh(String timestamp, VerificationContext context) {
    Duration tolerance;
    try {
      tolerance = Duration.ofSeconds(Long.parseLong(context.setting("toleranceSeconds", "300")));
    } catch (NumberFormatException e) {
      // Fail closed: a source whose tolerance cannot be read accepts nothing.
      throw new VerificationFailure(
          "invalid-setting", "The source's toleranceSeconds is not a number.");
    }
    SignedTimestamps.requireWithin(
        SignedTimestamps.parse("timestamp", timestamp), tolerance, context.clock());
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String type =
        firstText(
            request.header("X-Hookyard-Event-Type"), json.string("/type"), json.string("/event"));
    String subject = firstText(request.header("X-Hookyard-Subject"), json.string("/subject"), null);
    String deliveryId = request.header("Idempotency-Key");
    if (deliveryId == null) {
      deliveryId = request.header("webhook-id");
    }
    return new EventFacts(type == null ? DEFAULT_TYPE : type, subject, null, deliveryId);
  }

  /** The first of these that is not blank: a header, then strings of the body. */
  private static String firstText(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }
}
