package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopifyAdapterTest {
  // Shopify's SDK vector (shopify-app-js lib/webhooks/__tests__/validate.test.ts, test-config.ts).
  static final String SECRET = "test_secret_key";
  static final String BODY = "{\"foo\": \"bar\"}";
  static final String HMAC = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";
  static final Instant NOW = Instant.parse("2026-01-12T16:00:00Z");

  final ShopifyAdapter adapter = new ShopifyAdapter();

  @Test
  void theSdkVectorVerifies() {
    var request = TestRequests.post(BODY).header("X-Shopify-Hmac-Sha256", HMAC).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void theEventsDeliveryHeaderVerifiesToo() {
    var request = TestRequests.post(BODY).header("shopify-hmac-sha256", HMAC).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void theOldSecretStillVerifiesDuringARotation() {
    var request = TestRequests.post(BODY).header("X-Shopify-Hmac-Sha256", HMAC).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, "rotated_secret_key", SECRET)));
  }

  @Test
  void aTamperedBodyFails() {
    var request =
        TestRequests.post("{\"foo\":\"bar\"}").header("X-Shopify-Hmac-Sha256", HMAC).build();
    assertFailure("signature-mismatch", request, SECRET);
  }

  @Test
  void aWrongSecretFails() {
    var request = TestRequests.post(BODY).header("X-Shopify-Hmac-Sha256", HMAC).build();
    assertFailure("signature-mismatch", request, "another_secret_key");
  }

  @Test
  void aHexSignatureFails() {
    String hex = Signatures.hex(Signatures.hmacSha256(SECRET, Signatures.utf8(BODY)));
    var request = TestRequests.post(BODY).header("X-Shopify-Hmac-Sha256", hex).build();
    assertFailure("signature-mismatch", request, SECRET);
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", TestRequests.post(BODY).build(), SECRET);
  }

  @Test
  void readsTheTopicOrderAndWebhookId() {
    var sample = adapter.profile().samples().getFirst();
    var request =
        TestRequests.post(sample.payload())
            .header("X-Shopify-Topic", "orders/create")
            .header("X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
            .header("X-Shopify-Event-Id", "98880550-7158-44d4-b7cd-2c97c8a091b5")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("shopify.orders/create", facts.type());
    assertEquals("gid://shopify/Order/6148253941836", facts.subject());
    assertEquals("Created", facts.operation());
    assertEquals("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", facts.vendorDeliveryId());
  }

  @Test
  void readsTheUnprefixedHeadersOfEventsDeliveries() {
    var sample = adapter.profile().samples().get(1);
    var request =
        TestRequests.post(sample.payload())
            .header("shopify-topic", "products/update")
            .header("shopify-event-id", "5c7b1d7e-0f33-4e8e-9a43-8f7f5d0b2e61")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("shopify.products/update", facts.type());
    assertEquals("gid://shopify/Product/8839017562188", facts.subject());
    assertEquals("Updated", facts.operation());
    assertEquals("5c7b1d7e-0f33-4e8e-9a43-8f7f5d0b2e61", facts.vendorDeliveryId());
  }

  private void assertFailure(String check, IncomingRequest request, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, secrets)));
    assertEquals(check, failure.check());
  }
}
