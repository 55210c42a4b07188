package io.hookyard.receiver.vendor;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * Shopify: {@code X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256(app client secret, raw body)>}, with
 * no prefix and no timestamp; newer "Events" deliveries send the same value as {@code
 * shopify-hmac-sha256}. After a client-secret rotation Shopify may keep signing with the old secret
 * for up to an hour, which is why the overlap window matters here. Without a timestamp, replays are
 * stopped only by dedup on {@code X-Shopify-Webhook-Id}, which stays the same across Shopify's
 * retries.
 */
@Singleton
public class ShopifyAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select("/admin_graphql_api_id", "/id");
  static final String HMAC = "X-Shopify-Hmac-Sha256";

  @Override
  public String vendor() {
    return "shopify";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Shopify",
        VendorProfile.SecretOrigin.PROVIDED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(), "shopify.orders/create", "An order was placed", "orders-create.json"),
            EventSamples.of(
                vendor(),
                "shopify.products/update",
                "A product was changed",
                "products-update.json"),
            EventSamples.of(
                vendor(),
                "shopify.app/uninstalled",
                "A shop uninstalled the app",
                "app-uninstalled.json")));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    String presented = header(request, "hmac-sha256");
    if (presented == null) {
      throw VerificationFailure.missingHeader(HMAC);
    }
    for (String secret : context.secrets()) {
      String expected = Signatures.base64(Signatures.hmacSha256(secret, request.body()));
      if (Signatures.constantTimeEquals(expected, presented)) {
        return;
      }
    }
    throw VerificationFailure.mismatch(HMAC);
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    String topic = header(request, "topic");
    // The GraphQL id names the resource's kind too (gid://shopify/Order/...), unlike the bare id.
    String subject = json.text("/admin_graphql_api_id");
    String deliveryId = header(request, "webhook-id");
    return new EventFacts(
        "shopify." + (topic == null ? "unknown" : topic),
        subject == null ? json.text("/id") : subject,
        EventOperations.of(topic),
        // Within one subscription an event is delivered once, so its id dedups as well.
        deliveryId == null ? header(request, "event-id") : deliveryId);
  }

  /** {@code X-Shopify-<name>}, or the {@code shopify-<name>} that Events deliveries send. */
  private static String header(IncomingRequest request, String name) {
    String value = request.header("X-Shopify-" + name);
    return value == null ? request.header("shopify-" + name) : value;
  }
}
