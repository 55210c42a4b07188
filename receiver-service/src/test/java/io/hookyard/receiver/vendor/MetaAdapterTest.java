package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaAdapterTest {
  // Meta publishes no vector. Computed outside Hookyard (Python hmac/hashlib) as
  // HMAC-SHA256(APP_SECRET, BODY); the body keeps Meta's unicode escapes as sent.
  static final String APP_SECRET = "c1d2e3f4a5b60718293a4b5c6d7e8f90";
  static final String BODY =
      "{\"object\":\"page\",\"entry\":[{\"id\":\"110223344556677\",\"time\":1795262500,"
          + "\"messaging\":[{\"sender\":{\"id\":\"2468\"},"
          + "\"message\":{\"text\":\"Caf\\u00e9 \\u2615 ready?\"}}]}]}";
  static final String SIGNATURE =
      "sha256=0c9759f8e3c26c8619d41537804dc0d3de35e64ff29674ad35145ef72671073a";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final String URL = "https://hooks.example.com/hooks/acme/meta";
  static final Map<String, String> SETTINGS = Map.of("verifyToken", "lamp-post-47");

  final MetaAdapter adapter = new MetaAdapter();

  static IncomingRequest signed(String body, String signature) {
    return TestRequests.post(body).header("X-Hub-Signature-256", signature).build();
  }

  static IncomingRequest subscribe(String query) {
    return TestRequests.get().query(query).build();
  }

  @Test
  void theComputedVectorVerifies() {
    assertDoesNotThrow(
        () -> adapter.verify(signed(BODY, SIGNATURE), TestRequests.context(NOW, APP_SECRET)));
  }

  @Test
  void theSameTextWithoutEscapesFails() {
    // Decoding and re-encoding the JSON changes the bytes Meta signed.
    assertFailure("signature-mismatch", signed(BODY.replace("\\u00e9", "é"), SIGNATURE));
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    var context = TestRequests.context(NOW, "0123456789abcdef0123456789abcdef", APP_SECRET);
    assertDoesNotThrow(() -> adapter.verify(signed(BODY, SIGNATURE), context));
  }

  @Test
  void aTamperedBodyFails() {
    assertFailure("signature-mismatch", signed(BODY.replace("2468", "2469"), SIGNATURE));
  }

  @Test
  void aWrongSecretFails() {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () ->
                adapter.verify(
                    signed(BODY, SIGNATURE),
                    TestRequests.context(NOW, "ffffffffffffffffffffffffffffffff")));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", TestRequests.post(BODY).build());
  }

  @Test
  void theLegacySha1HeaderAloneIsNotEnough() {
    var request = TestRequests.post(BODY).header("X-Hub-Signature", "sha1=abcdef").build();
    assertFailure("missing-header", request);
  }

  @Test
  void aWrongPrefixFails() {
    assertFailure("wrong-prefix", signed(BODY, SIGNATURE.replace("sha256=", "sha1=")));
  }

  @Test
  void theSubscribeHandshakeAnswersTheChallenge() {
    var request =
        subscribe("hub.mode=subscribe&hub.challenge=1830492716&hub.verify_token=lamp-post-47");
    Reply reply =
        adapter
            .handshake(request, TestRequests.context(NOW, SETTINGS, URL, APP_SECRET))
            .orElseThrow();
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("text/plain"));
    assertArrayEquals("1830492716".getBytes(StandardCharsets.UTF_8), reply.body());
  }

  @Test
  void aWrongVerifyTokenFails() {
    var request =
        subscribe("hub.mode=subscribe&hub.challenge=1830492716&hub.verify_token=lamp-post-48");
    assertHandshakeFailure("wrong-token", request, SETTINGS);
  }

  @Test
  void aMissingVerifyTokenFails() {
    assertHandshakeFailure(
        "wrong-token", subscribe("hub.mode=subscribe&hub.challenge=1830492716"), SETTINGS);
  }

  @Test
  void aSourceWithoutAVerifyTokenRefusesEveryHandshake() {
    var request =
        subscribe("hub.mode=subscribe&hub.challenge=1830492716&hub.verify_token=lamp-post-47");
    assertHandshakeFailure("no-verify-token", request, Map.of());
  }

  @Test
  void aModeOtherThanSubscribeFails() {
    var request =
        subscribe("hub.mode=unsubscribe&hub.challenge=1830492716&hub.verify_token=lamp-post-47");
    assertHandshakeFailure("wrong-mode", request, SETTINGS);
  }

  @Test
  void aDeliveryIsNoHandshake() {
    var context = TestRequests.context(NOW, SETTINGS, URL, APP_SECRET);
    assertTrue(adapter.handshake(signed(BODY, SIGNATURE), context).isEmpty());
  }

  @Test
  void readsTheObjectAndTheFirstEntry() {
    var request = TestRequests.post(adapter.profile().samples().get(0).payload()).build();
    EventFacts facts = adapter.read(request);
    assertEquals("meta.whatsapp_business_account", facts.type());
    assertEquals("120384756192837", facts.subject());
    assertNull(facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsAPageEvent() {
    var request = TestRequests.post(adapter.profile().samples().get(2).payload()).build();
    assertEquals("meta.page", adapter.read(request).type());
  }

  @Test
  void acceptsWith200() {
    assertEquals(200, adapter.accepted("evt_1", true).status());
  }

  private void assertFailure(String check, IncomingRequest request) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, APP_SECRET)));
    assertEquals(check, failure.check());
  }

  private void assertHandshakeFailure(
      String check, IncomingRequest request, Map<String, String> settings) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.handshake(request, TestRequests.context(NOW, settings, URL, APP_SECRET)));
    assertEquals(check, failure.check());
    assertEquals(403, failure.status(), "Meta expects 403 for a refused handshake");
  }
}
