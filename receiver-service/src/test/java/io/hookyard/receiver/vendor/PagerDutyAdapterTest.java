package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PagerDutyAdapterTest {
  // PagerDuty's published vector: go-pagerduty webhookv3/webhookv3_test.go (the 1655-byte body
  // is in src/test/resources/vendor-vectors/pagerduty, byte for byte, without a final newline).
  static final String SECRET = "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK";
  static final String SIGNATURE =
      "v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd";
  static final String MISMATCH =
      "v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final PagerDutyAdapter adapter = new PagerDutyAdapter();
  final byte[] body = vectorBody();

  static byte[] vectorBody() {
    String path = "/vendor-vectors/pagerduty/go-pagerduty-webhookv3.json";
    try (InputStream in = PagerDutyAdapterTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  IncomingRequest signed(String signature) {
    return TestRequests.post("")
        .body(body)
        .header("X-PagerDuty-Signature", signature)
        .header("X-Webhook-Id", "c4a1f2e0-5b6d-4c3e-9f8a-7b6c5d4e3f21")
        .build();
  }

  @Test
  void theVectorBodyIsIntact() {
    assertEquals(1655, body.length);
  }

  @Test
  void thePublishedVectorVerifies() {
    assertDoesNotThrow(() -> adapter.verify(signed(SIGNATURE), TestRequests.context(NOW, SECRET)));
  }

  @Test
  void thePublishedMismatchFails() {
    assertFailure("signature-mismatch", signed(MISMATCH), SECRET);
  }

  @Test
  void anyMatchingV1AmongSeveralVerifies() {
    var request = signed(MISMATCH + ", " + SIGNATURE);
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void otherVersionsAreIgnored() {
    var request = signed("v2=" + SIGNATURE.substring(3) + "," + SIGNATURE);
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
    assertFailure("signature-mismatch", signed("v2=abc," + MISMATCH), SECRET);
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    assertDoesNotThrow(
        () -> adapter.verify(signed(SIGNATURE), TestRequests.context(NOW, "new-secret", SECRET)));
  }

  @Test
  void aTamperedBodyFails() {
    byte[] tampered = Arrays.copyOf(body, body.length);
    tampered[100] ^= 1;
    var request =
        TestRequests.post("").body(tampered).header("X-PagerDuty-Signature", SIGNATURE).build();
    assertFailure("signature-mismatch", request, SECRET);
  }

  @Test
  void aWrongSecretFails() {
    assertFailure("signature-mismatch", signed(SIGNATURE), "not the secret");
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", TestRequests.post("").body(body).build(), SECRET);
  }

  @Test
  void aHeaderWithoutV1Fails() {
    assertFailure("wrong-prefix", signed(SIGNATURE.replace("v1=", "sha256=")), SECRET);
    assertFailure("wrong-prefix", signed(SIGNATURE.substring(3)), SECRET);
  }

  @Test
  void readsTheVectorsEventTypeIncidentAndWebhookId() {
    EventFacts facts = adapter.read(signed(SIGNATURE));
    assertEquals("pagerduty.incident.priority_updated", facts.type());
    assertEquals("PGR0VU2", facts.subject());
    assertNull(facts.operation());
    assertEquals("c4a1f2e0-5b6d-4c3e-9f8a-7b6c5d4e3f21", facts.vendorDeliveryId());
  }

  @Test
  void readsTheTriggeredSample() {
    var request = TestRequests.post(adapter.profile().samples().get(0).payload()).build();
    EventFacts facts = adapter.read(request);
    assertEquals("pagerduty.incident.triggered", facts.type());
    assertEquals("Q1ABCDEFGHIJKL", facts.subject());
  }

  @Test
  void readsThePing() {
    var request =
        TestRequests.post(adapter.profile().samples().get(2).payload())
            .header("X-Webhook-Id", "ping-1")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("pagerduty.pagey.ping", facts.type());
    assertNull(facts.subject());
    assertEquals("ping-1", facts.vendorDeliveryId());
  }

  private void assertFailure(String check, IncomingRequest request, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, secrets)));
    assertEquals(check, failure.check());
  }
}
