package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DiscordAdapterTest {
  // RFC 8032 section 7.1, TEST 1: the key pair, and its signature of the empty message.
  static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  static final String PUBLIC_KEY =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  static final String RFC_EMPTY_SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
          + "1cf9b46bd25bf5f0595bbe24655141438e7a100b";
  // A second key (RFC 8032 TEST 2's public key) stands in for a rotated-out key.
  static final String OTHER_KEY =
      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final String TIMESTAMP = "1795348795";

  // Signatures with the TEST 1 key over TIMESTAMP + body, computed outside Hookyard (Python
  // cryptography); Ed25519 is deterministic, so the JDK must produce the same bytes.
  static final String PING =
      "{\"type\":1,\"id\":\"1312345678901234000\",\"application_id\":\"1234567890123456789\","
          + "\"token\":\"dGVzdA\",\"version\":1}";
  static final String PING_SIGNATURE =
      "ce836111e8411301e0963f6978a9530e4f961a11011d0c5eb59ea9fa0ee336337e7c45cc33d44d40dec990"
          + "4daae06c2b6bad21f039e854cbe3e9f44e593cda07";
  static final String EVENT_PING =
      "{\"version\":1,\"application_id\":\"1234567890123456789\",\"type\":0}";
  static final String EVENT_PING_SIGNATURE =
      "03d23561cde4b5c212d6ec12d4ec4cadd96923cf896f4441591db0f7818fcc9adcc45d8370cfb6be34d104"
          + "ba6ab019cdffffc7f3360719f56d5a8927525c0009";
  static final String EVENT =
      "{\"version\":1,\"application_id\":\"1234567890123456789\",\"type\":1,\"event\":{"
          + "\"type\":\"APPLICATION_AUTHORIZED\","
          + "\"timestamp\":\"2026-11-22T11:59:50.123000+00:00\","
          + "\"data\":{\"integration_type\":1,\"scopes\":[\"applications.commands\"],"
          + "\"user\":{\"id\":\"987654321098765432\",\"username\":\"ada\"}}}}";
  static final String EVENT_SIGNATURE =
      "58f3d169d25b579ce8e62060bd6b13793a963a4aaf2d58404278ff7e0ad0e227cfc84b726f8f68c67dda67"
          + "9fbb0fd97ee3539623dcc646927a13824cd356f00d";

  final DiscordAdapter adapter = new DiscordAdapter();

  static IncomingRequest request(String body, String timestamp, String signature) {
    return TestRequests.post(body)
        .header("X-Signature-Ed25519", signature)
        .header("X-Signature-Timestamp", timestamp)
        .build();
  }

  /** Signs with the TEST 1 private key through the JDK, for timestamps the vectors lack. */
  static String sign(String message) {
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(
                  new EdECPrivateKeySpec(
                      NamedParameterSpec.ED25519, HexFormat.of().parseHex(SEED)));
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initSign(key);
      ed25519.update(message.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(ed25519.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static IncomingRequest signedAt(String timestamp) {
    return request(EVENT, timestamp, sign(timestamp + EVENT));
  }

  @Test
  void theJdkReproducesTheRfcVectorAndTheComputedOnes() {
    assertEquals(RFC_EMPTY_SIGNATURE, sign(""));
    assertEquals(EVENT_SIGNATURE, sign(TIMESTAMP + EVENT));
  }

  @Test
  void theComputedVectorVerifies() {
    var request = request(EVENT, TIMESTAMP, EVENT_SIGNATURE);
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, PUBLIC_KEY)));
  }

  @Test
  void anUpperCaseKeyAndSignatureVerify() {
    var request = request(EVENT, TIMESTAMP, EVENT_SIGNATURE.toUpperCase());
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, PUBLIC_KEY.toUpperCase())));
  }

  @Test
  void thePreviousKeyVerifiesDuringARotation() {
    var request = request(EVENT, TIMESTAMP, EVENT_SIGNATURE);
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, OTHER_KEY, PUBLIC_KEY)));
  }

  @Test
  void aTamperedBodyFails() {
    assertFailure(
        "signature-mismatch", request(EVENT.replace("ada", "eve"), TIMESTAMP, EVENT_SIGNATURE));
  }

  @Test
  void aTamperedTimestampFails() {
    assertFailure("signature-mismatch", request(EVENT, "1795348796", EVENT_SIGNATURE));
  }

  @Test
  void aWrongKeyFails() {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () ->
                adapter.verify(
                    request(EVENT, TIMESTAMP, EVENT_SIGNATURE),
                    TestRequests.context(NOW, OTHER_KEY)));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void aSecretThatIsNoKeyVerifiesNothing() {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () ->
                adapter.verify(
                    request(EVENT, TIMESTAMP, EVENT_SIGNATURE),
                    TestRequests.context(NOW, "not hex at all")));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void missingHeadersFail() {
    var noSignature = TestRequests.post(EVENT).header("X-Signature-Timestamp", TIMESTAMP).build();
    assertFailure("missing-header", noSignature);
    var noTimestamp =
        TestRequests.post(EVENT).header("X-Signature-Ed25519", EVENT_SIGNATURE).build();
    assertFailure("missing-header", noTimestamp);
  }

  @Test
  void aMalformedSignatureFails() {
    assertFailure(
        "malformed-signature", request(EVENT, TIMESTAMP, "zz" + EVENT_SIGNATURE.substring(2)));
    assertFailure("malformed-signature", request(EVENT, TIMESTAMP, EVENT_SIGNATURE.substring(2)));
  }

  @Test
  void anAllZeroSignatureFails() {
    assertFailure("signature-mismatch", request(EVENT, TIMESTAMP, "00".repeat(64)));
  }

  @Test
  void aStaleTimestampFails() {
    assertDoesNotThrow(
        () -> adapter.verify(signedAt("1795347900"), TestRequests.context(NOW, PUBLIC_KEY)));
    assertFailure("timestamp-too-old", signedAt("1795347899"));
  }

  @Test
  void aFutureTimestampFails() {
    assertDoesNotThrow(
        () -> adapter.verify(signedAt("1795349700"), TestRequests.context(NOW, PUBLIC_KEY)));
    assertFailure("timestamp-in-future", signedAt("1795349701"));
  }

  @Test
  void aMalformedTimestampFails() {
    assertFailure("malformed-timestamp", signedAt("2026-11-22T12:00:00Z"));
    // Beyond what an Instant can hold: refused as malformed, never an exception of its own.
    assertFailure("malformed-timestamp", signedAt("99999999999999999"));
  }

  @Test
  void anInteractionsPingIsAnsweredWithAPong() {
    var request = request(PING, TIMESTAMP, PING_SIGNATURE);
    Reply reply = adapter.handshake(request, TestRequests.context(NOW, PUBLIC_KEY)).orElseThrow();
    assertEquals(200, reply.status());
    assertEquals("application/json", reply.contentType());
    assertArrayEquals("{\"type\":1}".getBytes(StandardCharsets.UTF_8), reply.body());
  }

  @Test
  void aPingWithABadSignatureFails() {
    var request = request(PING, TIMESTAMP, EVENT_SIGNATURE);
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.handshake(request, TestRequests.context(NOW, PUBLIC_KEY)));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void aWebhookEventsPingIsAnswered204() {
    var request = request(EVENT_PING, TIMESTAMP, EVENT_PING_SIGNATURE);
    Reply reply = adapter.handshake(request, TestRequests.context(NOW, PUBLIC_KEY)).orElseThrow();
    assertEquals(204, reply.status());
    assertNull(reply.contentType());
    assertEquals(0, reply.body().length);
  }

  @Test
  void aWebhookEventsPingWithABadSignatureFails() {
    var request = request(EVENT_PING, TIMESTAMP, PING_SIGNATURE);
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.handshake(request, TestRequests.context(NOW, PUBLIC_KEY)));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void anEventIsNoHandshakeEvenThoughItsTypeIsOne() {
    var request = request(EVENT, TIMESTAMP, EVENT_SIGNATURE);
    assertTrue(adapter.handshake(request, TestRequests.context(NOW, PUBLIC_KEY)).isEmpty());
  }

  @Test
  void aBodyThatIsNotJsonIsNoHandshake() {
    var request = request("not json", TIMESTAMP, EVENT_SIGNATURE);
    assertTrue(adapter.handshake(request, TestRequests.context(NOW, PUBLIC_KEY)).isEmpty());
    assertFailure("signature-mismatch", request);
  }

  @Test
  void readsAWebhookEvent() {
    EventFacts facts = adapter.read(request(EVENT, TIMESTAMP, EVENT_SIGNATURE));
    assertEquals("discord.APPLICATION_AUTHORIZED", facts.type());
    assertEquals("987654321098765432", facts.subject());
    assertNull(facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsTheSamples() {
    var entitlement = TestRequests.post(adapter.profile().samples().get(1).payload()).build();
    assertEquals("discord.ENTITLEMENT_CREATE", adapter.read(entitlement).type());
    assertEquals("987654321098765432", adapter.read(entitlement).subject());
    var command = TestRequests.post(adapter.profile().samples().get(2).payload()).build();
    EventFacts facts = adapter.read(command);
    assertEquals("discord.interaction.application_command", facts.type());
    assertEquals("device-status", facts.subject());
    assertEquals("1312345678901234567", facts.vendorDeliveryId());
  }

  @Test
  void acceptsWith204AndNoBody() {
    Reply reply = adapter.accepted("evt_1", false);
    assertEquals(204, reply.status());
    assertEquals(0, reply.body().length);
  }

  private void assertFailure(String check, IncomingRequest request) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, PUBLIC_KEY)));
    assertEquals(check, failure.check());
  }
}
