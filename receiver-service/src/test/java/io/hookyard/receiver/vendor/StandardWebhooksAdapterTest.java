package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StandardWebhooksAdapterTest {
  // The spec's official vector (standard-webhooks libraries/python/tests/test_webhooks.py
  // test_sign_function; the same in the go/js/csharp/java tests).
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long TS = 1614265330L;
  static final String BODY = "{\"test\": 2432232314}";
  static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  static final String OFFICIAL_NEGATIVE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=";
  static final Instant NOW = Instant.ofEpochSecond(TS + 5);

  final StandardWebhooksAdapter adapter = new StandardWebhooksAdapter();

  @Test
  void theOfficialVectorVerifies() {
    assertDoesNotThrow(() -> adapter.verify(request("webhook-", SIGNATURE), context(NOW, SECRET)));
  }

  @Test
  void theSvixHeadersVerifyToo() {
    assertDoesNotThrow(() -> adapter.verify(request("svix-", SIGNATURE), context(NOW, SECRET)));
  }

  @Test
  void theOfficialNegativeFails() {
    assertFailure("signature-mismatch", request("webhook-", OFFICIAL_NEGATIVE), NOW, SECRET);
  }

  @Test
  void anyV1InTheListIsEnoughAndOtherVersionsAreSkipped() {
    String header =
        "v1a,bm90LWFuLWVkMjU1MTktc2ln v2,"
            + SIGNATURE.substring(3)
            + " "
            + OFFICIAL_NEGATIVE
            + " "
            + SIGNATURE;
    assertDoesNotThrow(() -> adapter.verify(request("webhook-", header), context(NOW, SECRET)));
  }

  @Test
  void aValidSignatureUnderAnotherVersionDoesNotCount() {
    var request = request("webhook-", "v2," + SIGNATURE.substring(3));
    assertFailure("wrong-prefix", request, NOW, SECRET);
  }

  @Test
  void aBareV1IsNoSignature() {
    assertFailure("signature-mismatch", request("webhook-", "v1,"), NOW, SECRET);
  }

  @Test
  void eitherSecretVerifiesDuringARotation() {
    String newer = new StandardWebhooksAdapter().generateSecret(new SecureRandom());
    assertDoesNotThrow(
        () -> adapter.verify(request("webhook-", SIGNATURE), context(NOW, newer, SECRET)));
  }

  @Test
  void aTamperedBodyFails() {
    var request =
        headers(TestRequests.post("{\"test\": 2432232315}"), "webhook-", SIGNATURE).build();
    assertFailure("signature-mismatch", request, NOW, SECRET);
  }

  @Test
  void aWrongSecretFails() {
    assertFailure(
        "signature-mismatch", request("webhook-", SIGNATURE), NOW, "whsec_QWxsIHdyb25nIGtleQ==");
  }

  @Test
  void theSecretIsBase64DecodedNotUsedAsText() {
    String textKeyed =
        "v1," + Signatures.base64(Signatures.hmacSha256(SECRET, Signatures.utf8(signedText())));
    assertFailure("signature-mismatch", request("webhook-", textKeyed), NOW, SECRET);
  }

  @Test
  void aMissingHeaderFails() {
    var request =
        TestRequests.post(BODY)
            .header("webhook-id", ID)
            .header("webhook-timestamp", Long.toString(TS))
            .build();
    var failure =
        assertThrows(
            VerificationFailure.class, () -> adapter.verify(request, context(NOW, SECRET)));
    assertEquals("missing-header", failure.check());
    assertTrue(failure.getMessage().contains("webhook-signature"));
  }

  @Test
  void fiveMinutesEitherWayPasses() {
    var request = request("webhook-", SIGNATURE);
    assertDoesNotThrow(
        () -> adapter.verify(request, context(Instant.ofEpochSecond(TS + 300), SECRET)));
    assertDoesNotThrow(
        () -> adapter.verify(request, context(Instant.ofEpochSecond(TS - 300), SECRET)));
  }

  @Test
  void aStaleTimestampFails() {
    assertFailure(
        "timestamp-too-old",
        request("webhook-", SIGNATURE),
        Instant.ofEpochSecond(TS + 301),
        SECRET);
  }

  @Test
  void aFutureTimestampFails() {
    assertFailure(
        "timestamp-in-future",
        request("webhook-", SIGNATURE),
        Instant.ofEpochSecond(TS - 301),
        SECRET);
  }

  @Test
  void generatesSecretsInTheSpecsFormatThatVerify() {
    String secret = adapter.generateSecret(new SecureRandom());
    assertTrue(secret.startsWith("whsec_"));
    byte[] key = Base64.getDecoder().decode(secret.substring(6));
    assertEquals(32, key.length);
    assertNotEquals(secret, adapter.generateSecret(new SecureRandom()));
    String signature =
        "v1,"
            + Signatures.base64(Signatures.hmac("HmacSHA256", key, Signatures.utf8(signedText())));
    assertDoesNotThrow(() -> adapter.verify(request("webhook-", signature), context(NOW, secret)));
  }

  @Test
  void readsTheTypeSubjectAndMessageId() {
    var sample = adapter.profile().samples().getFirst();
    var request = headers(TestRequests.post(sample.payload()), "svix-", SIGNATURE).build();
    EventFacts facts = adapter.read(request);
    assertEquals("standard-webhooks.contact.created", facts.type());
    assertEquals("c6a1f0e2-3b7d-4c9a-8e15-2d4f6a8b0c13", facts.subject());
    assertEquals(ID, facts.vendorDeliveryId());
  }

  private static String signedText() {
    return ID + "." + TS + "." + BODY;
  }

  private static IncomingRequest request(String brand, String signature) {
    return headers(TestRequests.post(BODY), brand, signature).build();
  }

  private static TestRequests headers(TestRequests request, String brand, String signature) {
    return request
        .header(brand + "id", ID)
        .header(brand + "timestamp", Long.toString(TS))
        .header(brand + "signature", signature);
  }

  private static VerificationContext context(Instant now, String... secrets) {
    return TestRequests.context(now, secrets);
  }

  private void assertFailure(
      String check, IncomingRequest request, Instant now, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class, () -> adapter.verify(request, context(now, secrets)));
    assertEquals(check, failure.check());
  }
}
