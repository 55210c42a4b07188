package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ZoomAdapterTest {
  // Zoom publishes no vector with a secret. These were computed with Python's hmac module; the
  // encryptedToken is the one computed in vendors.md §7.
  static final String SECRET = "zoom-secret-token-Ab12Cd34";
  static final long TS = 1768237200L;
  static final String BODY =
      "{\"event\":\"meeting.started\",\"event_ts\":1768237200512,\"payload\":{\"account_id\":"
          + "\"k7Qm2RzXTu6bNf4LdP9wYg\",\"object\":{\"id\":\"84371926058\",\"topic\":\"Weekly ops"
          + " review\"}}}";
  static final String SIGNATURE =
      "v0=60ba8c8e6aece08a14a0d43cb6a8e9e752d86eb060985bd4ce2fd0e3574bd2dc";
  static final String VALIDATION =
      "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1768237200512,"
          + "\"event\":\"endpoint.url_validation\"}";
  static final String VALIDATION_SIGNATURE =
      "v0=d611a2bd28e200ae2cfea13c00d7793277a271dae4f8d4777669b25b429271da";
  static final String ENCRYPTED_TOKEN =
      "f19289e5812efad6cbaa329b9323a7da0644ccd2bebe87620ebff4c127dd4e04";
  static final Instant NOW = Instant.ofEpochSecond(TS + 2);

  final ZoomAdapter adapter = new ZoomAdapter();

  @Test
  void theComputedVectorVerifies() {
    assertDoesNotThrow(() -> adapter.verify(signed(BODY, SIGNATURE), context(NOW, SECRET)));
  }

  @Test
  void eitherSecretVerifiesDuringARotation() {
    var request = signed(BODY, SIGNATURE);
    assertDoesNotThrow(() -> adapter.verify(request, context(NOW, "regenerated-token", SECRET)));
  }

  @Test
  void aTamperedBodyFails() {
    var request = signed(BODY.replace("84371926058", "84371926059"), SIGNATURE);
    assertFailure("signature-mismatch", request, NOW, SECRET);
  }

  @Test
  void aReserialisedBodyFails() {
    var request = signed(BODY.replace(":", ": "), SIGNATURE);
    assertFailure("signature-mismatch", request, NOW, SECRET);
  }

  @Test
  void aWrongSecretFails() {
    assertFailure("signature-mismatch", signed(BODY, SIGNATURE), NOW, "not-the-token");
  }

  @Test
  void aMissingSignatureFails() {
    var request = TestRequests.post(BODY).header(ZoomAdapter.TIMESTAMP, Long.toString(TS)).build();
    assertFailure("missing-header", request, NOW, SECRET);
  }

  @Test
  void aMissingTimestampFails() {
    var request = TestRequests.post(BODY).header(ZoomAdapter.SIGNATURE, SIGNATURE).build();
    assertFailure("missing-header", request, NOW, SECRET);
  }

  @Test
  void aWrongPrefixFails() {
    assertFailure("wrong-prefix", signed(BODY, SIGNATURE.substring(3)), NOW, SECRET);
  }

  @Test
  void aStaleTimestampFails() {
    assertFailure(
        "timestamp-too-old", signed(BODY, SIGNATURE), Instant.ofEpochSecond(TS + 301), SECRET);
  }

  @Test
  void aFutureTimestampFails() {
    assertFailure(
        "timestamp-in-future", signed(BODY, SIGNATURE), Instant.ofEpochSecond(TS - 301), SECRET);
  }

  @Test
  void answersTheSignedUrlValidationWithTheEncryptedToken() {
    var reply = adapter.handshake(signed(VALIDATION, VALIDATION_SIGNATURE), context(NOW, SECRET));
    assertTrue(reply.isPresent());
    assertEquals(200, reply.get().status());
    assertEquals("application/json", reply.get().contentType());
    assertEquals(
        "{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\""
            + ENCRYPTED_TOKEN
            + "\"}",
        new String(reply.get().body(), StandardCharsets.UTF_8));
  }

  @Test
  void answersTheValidationWithTheSecretThatSignedIt() {
    var reply =
        adapter.handshake(
            signed(VALIDATION, VALIDATION_SIGNATURE), context(NOW, "regenerated-token", SECRET));
    assertTrue(
        new String(reply.orElseThrow().body(), StandardCharsets.UTF_8).contains(ENCRYPTED_TOKEN));
  }

  @Test
  void aUrlValidationWithABadSignatureFails() {
    var request = signed(VALIDATION, SIGNATURE);
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class, () -> adapter.handshake(request, context(NOW, SECRET)));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void anEventIsNoHandshake() {
    assertTrue(adapter.handshake(signed(BODY, SIGNATURE), context(NOW, SECRET)).isEmpty());
  }

  @Test
  void readsTheEventMeetingAndTrackingId() {
    var sample = adapter.profile().samples().getFirst();
    var request =
        TestRequests.post(sample.payload())
            .header("x-zm-trackingid", "v=2.0;clid=us06;rid=WEB_4f8c2d7a1b9e")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("zoom.meeting.started", facts.type());
    assertEquals("84371926058", facts.subject());
    assertEquals("v=2.0;clid=us06;rid=WEB_4f8c2d7a1b9e", facts.vendorDeliveryId());
  }

  @Test
  void answersAnAcceptedEventWith200() {
    assertEquals(200, adapter.accepted("evt_1", false).status());
  }

  private static IncomingRequest signed(String body, String signature) {
    return TestRequests.post(body)
        .header(ZoomAdapter.SIGNATURE, signature)
        .header(ZoomAdapter.TIMESTAMP, Long.toString(TS))
        .build();
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
