package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]}, each {@code v1} the hex
 * HMAC-SHA256 of {@code "<t>.<raw body>"}. The key is the whole {@code whsec_...} string as UTF-8:
 * unlike Standard Webhooks, Stripe does not base64-decode it. While a rolled secret is still valid
 * Stripe sends one {@code v1} per secret, so any match is enough; {@code v0} is a legacy test-mode
 * scheme and proves nothing, so it is ignored. As in Stripe's own libraries only a timestamp more
 * than five minutes old is refused: a sender clock running ahead is not a replay. Events can arrive
 * twice or out of order, so the event's {@code id} is the dedup key.
 */
@Singleton
public class StripeAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select("/type", "/data/object/id", "/related_object/id", "/id");
  static final String SIGNATURE = "Stripe-Signature";

  @Override
  public String vendor() {
    return "stripe";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Stripe",
        VendorProfile.SecretOrigin.PROVIDED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(), "stripe.invoice.paid", "An invoice was paid", "invoice-paid.json"),
            EventSamples.of(
                vendor(),
                "stripe.payment_intent.succeeded",
                "A payment succeeded",
                "payment-intent-succeeded.json"),
            EventSamples.of(
                vendor(),
                "stripe.customer.subscription.deleted",
                "A subscription ended",
                "subscription-deleted.json")));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    Header header = Header.parse(request.header(SIGNATURE));
    SignedTimestamps.requireNotOlder(
        SignedTimestamps.parse(SIGNATURE, header.timestamp()),
        SignedTimestamps.FIVE_MINUTES,
        context.clock());
    // The signed timestamp is the text as sent, never a re-formatted number.
    byte[] signed = Signatures.concat(Signatures.utf8(header.timestamp() + "."), request.body());
    for (String secret : context.secrets()) {
      String expected = Signatures.hex(Signatures.hmacSha256(secret, signed));
      for (String presented : header.signatures()) {
        if (Signatures.constantTimeEquals(expected, presented)) {
          return;
        }
      }
    }
    throw VerificationFailure.mismatch(SIGNATURE);
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String type = json.text("/type");
    String subject = json.text("/data/object/id");
    if (subject == null) {
      // Thin (v2) events name their object instead of embedding it.
      subject = json.text("/related_object/id");
    }
    return new EventFacts(
        "stripe." + (type == null ? "unknown" : type),
        subject,
        EventOperations.of(type),
        json.text("/id"));
  }

  /**
   * Stripe sends the changed attributes' earlier values in {@code data.previous_attributes}; laid
   * over a copy of {@code data.object} they give the object as it was. Nested objects hold only
   * their changed keys, so they are laid over recursively; arrays come whole and replace.
   */
  @Override
  public Optional<JsonNode> previousState(byte[] body) {
    JsonNode data = JsonBodies.parse(body);
    JsonNode previous = data.at("/data/previous_attributes");
    if (!previous.isObject() || !data.at("/data/object").isObject()) {
      return Optional.empty();
    }
    ObjectNode before = data.deepCopy();
    ObjectNode object = (ObjectNode) before.get("data").get("object");
    overlay(object, (ObjectNode) previous);
    ((ObjectNode) before.get("data")).remove("previous_attributes");
    return Optional.of(before);
  }

  private static void overlay(ObjectNode target, ObjectNode earlier) {
    earlier
        .properties()
        .forEach(
            field -> {
              JsonNode current = target.get(field.getKey());
              if (current instanceof ObjectNode nested && field.getValue() instanceof ObjectNode) {
                overlay(nested, (ObjectNode) field.getValue());
              } else {
                target.set(field.getKey(), field.getValue().deepCopy());
              }
            });
  }

  /** The first {@code t} and every {@code v1} of a {@code Stripe-Signature} header. */
  private record Header(String timestamp, List<String> signatures) {
    static Header parse(String value) {
      if (value == null) {
        throw VerificationFailure.missingHeader(SIGNATURE);
      }
      String timestamp = null;
      List<String> signatures = new ArrayList<>();
      for (String element : value.split(",")) {
        String[] pair = element.trim().split("=", 2);
        if (pair.length == 2 && pair[0].equals("t") && timestamp == null) {
          timestamp = pair[1];
        } else if (pair.length == 2 && pair[0].equals("v1")) {
          signatures.add(pair[1]);
        }
      }
      if (timestamp == null) {
        throw new VerificationFailure("malformed-header", SIGNATURE + " has no t= timestamp.");
      }
      if (signatures.isEmpty()) {
        throw new VerificationFailure(
            "wrong-prefix", SIGNATURE + " has no v1= signature; v0 is not accepted.");
      }
      return new Header(timestamp, signatures);
    }
  }
}
