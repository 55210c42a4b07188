package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookyard.common.problem.ProblemException;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScalefusionAdapterTest {
  // Computed with `openssl dgst -sha256 -hmac` (not a vendor-published vector).
  static final String SECRET = "hyk_scalefusion-test-key";
  static final String BODY =
      "{\"event\":\"device.enrolled\",\"data\":{\"devices\":[{\"name\":\"WH-Scanner-014\","
          + "\"serial_no\":\"R58N91KQ2XW\",\"model\":\"SM-T575\",\"make\":\"samsung\"}]}}";
  static final String SIGNATURE =
      "dc878623f52595f8879130b3146de6e35e3b2fdc17ee8d9603eea0ce47c6858a";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final ScalefusionAdapter adapter = new ScalefusionAdapter();

  @Test
  void theComputedVectorVerifies() {
    var request = signed(BODY, SIGNATURE);
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void upperCaseHexVerifies() {
    var request = signed(BODY, SIGNATURE.toUpperCase(Locale.ROOT));
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    var request = signed(BODY, SIGNATURE);
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, "hyk_new-key", SECRET)));
  }

  @Test
  void aTamperedBodyFails() {
    assertFailure("signature-mismatch", signed(BODY.replace("014", "015"), SIGNATURE), SECRET);
  }

  @Test
  void aWrongSecretFails() {
    assertFailure("signature-mismatch", signed(BODY, SIGNATURE), "hyk_not-the-key");
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", TestRequests.post(BODY).build(), SECRET);
  }

  @Test
  void aPrefixedSignatureFails() {
    assertFailure("wrong-prefix", signed(BODY, "sha256=" + SIGNATURE), SECRET);
  }

  @Test
  void aBase64SignatureFails() {
    var base64 = Signatures.base64(Signatures.hmacSha256(SECRET, Signatures.utf8(BODY)));
    assertFailure("signature-mismatch", signed(BODY, base64.replace("=", "")), SECRET);
  }

  @Test
  void readsTheEventAndTheFirstDevicesSerial() {
    EventFacts facts = adapter.read(TestRequests.post(BODY).build());
    assertEquals("scalefusion.device.enrolled", facts.type());
    assertEquals("R58N91KQ2XW", facts.subject());
    assertNull(facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsEverySample() {
    String[][] expected = {
      {"scalefusion.device.enrolled", "R58N91KQ2XW"},
      {"scalefusion.device.locked", "R58N91KQ2XW"},
      {"scalefusion.device.lost", "DMPXK2Q7HW1C"},
      {"scalefusion.device.rebooted", "5CG3214XYZ"},
    };
    var samples = adapter.profile().samples();
    assertEquals(expected.length, samples.size());
    for (int i = 0; i < expected.length; i++) {
      EventFacts facts = adapter.read(TestRequests.post(samples.get(i).payload()).build());
      assertEquals(expected[i][0], facts.type());
      assertEquals(expected[i][0], samples.get(i).type());
      assertEquals(expected[i][1], facts.subject());
      assertNull(facts.vendorDeliveryId());
    }
  }

  @Test
  void fallsBackToTheDeviceIdAndToUnknown() {
    var request = TestRequests.post("{\"data\":{\"devices\":[{\"id\":8812345}]}}").build();
    EventFacts facts = adapter.read(request);
    assertEquals("scalefusion.unknown", facts.type());
    assertEquals("8812345", facts.subject());
  }

  @Test
  void anInvalidBodyIsABadRequest() {
    var request = TestRequests.post("{\"event\":").build();
    assertEquals(
        400, assertThrows(ProblemException.class, () -> adapter.read(request)).problem().status());
  }

  private static IncomingRequest signed(String body, String signature) {
    return TestRequests.post(body).header("X-SF-Signature", signature).build();
  }

  private void assertFailure(String check, IncomingRequest request, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, secrets)));
    assertEquals(check, failure.check());
  }
}
