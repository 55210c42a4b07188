package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TwitchAdapterTest {
  // Twitch publishes no vector. These were computed outside Hookyard (Python hmac/hashlib) as
  // HMAC-SHA256(SECRET, id + timestamp + body).
  static final String SECRET = "hookyard-twitch-secret-0042";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  static final String ID = "0b6f3d1e-8c2a-4e57-9d41-7a3c5e9f1b20";
  static final String TIMESTAMP = "2026-11-22T11:59:58.123456789Z";
  static final String BODY =
      "{\"subscription\":{\"id\":\"3d9f1c2a-7b4e-4f61-9a8d-2c5e0b1f4a73\",\"status\":\"enabled\","
          + "\"type\":\"stream.online\",\"version\":\"1\",\"cost\":0,"
          + "\"condition\":{\"broadcaster_user_id\":\"583920117\"},"
          + "\"transport\":{\"method\":\"webhook\","
          + "\"callback\":\"https://hooks.example.com/hooks/acme/twitch\"},"
          + "\"created_at\":\"2026-11-20T08:15:30.512345678Z\"},"
          + "\"event\":{\"id\":\"9001\",\"broadcaster_user_id\":\"583920117\","
          + "\"broadcaster_user_login\":\"acmelive\",\"broadcaster_user_name\":\"AcmeLive\","
          + "\"type\":\"live\",\"started_at\":\"2026-11-22T11:59:57.5Z\"}}";
  static final String SIGNATURE =
      "sha256=59714736daf74d1a886264ec8779973678652484b55eef8358039c18eef9bcf7";

  static final String CHALLENGE_ID = "5a1e9c7b-3f2d-4b68-a0c4-1d2e3f4a5b6c";
  static final String CHALLENGE_TIMESTAMP = "2026-11-22T11:59:59.5Z";
  static final String CHALLENGE_BODY =
      "{\"challenge\":\"hookyard-challenge-7f3a9c\",\"subscription\":{"
          + "\"id\":\"3d9f1c2a-7b4e-4f61-9a8d-2c5e0b1f4a73\","
          + "\"status\":\"webhook_callback_verification_pending\",\"type\":\"stream.online\","
          + "\"version\":\"1\",\"cost\":0,\"condition\":{\"broadcaster_user_id\":\"583920117\"},"
          + "\"transport\":{\"method\":\"webhook\","
          + "\"callback\":\"https://hooks.example.com/hooks/acme/twitch\"},"
          + "\"created_at\":\"2026-11-22T11:59:59.4Z\"}}";
  static final String CHALLENGE_SIGNATURE =
      "sha256=581ff20634913154e3c095e52a8f2ad2e6d1904989f80412db19aecc9f776e6d";

  final TwitchAdapter adapter = new TwitchAdapter();

  static TestRequests message(String type, String id, String timestamp, String body, String sig) {
    return TestRequests.post(body)
        .header("Twitch-Eventsub-Message-Id", id)
        .header("Twitch-Eventsub-Message-Timestamp", timestamp)
        .header("Twitch-Eventsub-Message-Signature", sig)
        .header("Twitch-Eventsub-Message-Type", type)
        .header("Twitch-Eventsub-Subscription-Type", "stream.online");
  }

  static IncomingRequest notification(String body, String signature) {
    return message("notification", ID, TIMESTAMP, body, signature).build();
  }

  /** Signs like Twitch, for the timestamps the fixed vectors do not cover. */
  static IncomingRequest signedAt(String timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((ID + timestamp + BODY).getBytes(StandardCharsets.UTF_8));
      String signature = "sha256=" + HexFormat.of().formatHex(digest);
      return message("notification", ID, timestamp, BODY, signature).build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theComputedVectorVerifies() {
    assertDoesNotThrow(
        () -> adapter.verify(notification(BODY, SIGNATURE), TestRequests.context(NOW, SECRET)));
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    var context = TestRequests.context(NOW, "hookyard-twitch-new-secret", SECRET);
    assertDoesNotThrow(() -> adapter.verify(notification(BODY, SIGNATURE), context));
  }

  @Test
  void aTamperedBodyFails() {
    assertFailure("signature-mismatch", notification(BODY.replace("9001", "9002"), SIGNATURE));
  }

  @Test
  void aTamperedMessageIdFails() {
    var request = message("notification", ID + "x", TIMESTAMP, BODY, SIGNATURE).build();
    assertFailure("signature-mismatch", request);
  }

  @Test
  void aReformattedTimestampFails() {
    // The header is signed verbatim: the same instant written differently is not the same text.
    var request =
        message("notification", ID, "2026-11-22T11:59:58.123456789+00:00", BODY, SIGNATURE).build();
    assertFailure("signature-mismatch", request);
  }

  @Test
  void aWrongSecretFails() {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () ->
                adapter.verify(
                    notification(BODY, SIGNATURE), TestRequests.context(NOW, "not-the-secret")));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void aWrongPrefixFails() {
    assertFailure("wrong-prefix", notification(BODY, SIGNATURE.replace("sha256=", "sha1=")));
  }

  @Test
  void eachMissingHeaderFails() {
    for (String header :
        new String[] {
          "Twitch-Eventsub-Message-Id",
          "Twitch-Eventsub-Message-Timestamp",
          "Twitch-Eventsub-Message-Signature"
        }) {
      var builder = TestRequests.post(BODY);
      if (!header.endsWith("Id")) {
        builder.header("Twitch-Eventsub-Message-Id", ID);
      }
      if (!header.endsWith("Timestamp")) {
        builder.header("Twitch-Eventsub-Message-Timestamp", TIMESTAMP);
      }
      if (!header.endsWith("Signature")) {
        builder.header("Twitch-Eventsub-Message-Signature", SIGNATURE);
      }
      assertFailure("missing-header", builder.build());
    }
  }

  @Test
  void exactlyTenMinutesOldStillVerifies() {
    assertDoesNotThrow(
        () -> adapter.verify(signedAt("2026-11-22T11:50:00Z"), TestRequests.context(NOW, SECRET)));
  }

  @Test
  void olderThanTenMinutesFails() {
    assertFailure("timestamp-too-old", signedAt("2026-11-22T11:49:59.999999999Z"));
  }

  @Test
  void moreThanTenMinutesAheadFails() {
    assertFailure("timestamp-in-future", signedAt("2026-11-22T12:10:00.000000001Z"));
    assertDoesNotThrow(
        () -> adapter.verify(signedAt("2026-11-22T12:09:00Z"), TestRequests.context(NOW, SECRET)));
  }

  @Test
  void aMalformedTimestampFails() {
    assertFailure("malformed-timestamp", signedAt("1795348798"));
  }

  @Test
  void theVerificationIsAnsweredWithTheRawChallenge() {
    var request =
        message(
                "webhook_callback_verification",
                CHALLENGE_ID,
                CHALLENGE_TIMESTAMP,
                CHALLENGE_BODY,
                CHALLENGE_SIGNATURE)
            .build();
    Reply reply = adapter.handshake(request, TestRequests.context(NOW, SECRET)).orElseThrow();
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("text/plain"));
    assertArrayEquals("hookyard-challenge-7f3a9c".getBytes(StandardCharsets.UTF_8), reply.body());
  }

  @Test
  void aVerificationWithABadSignatureFails() {
    var request =
        message(
                "webhook_callback_verification",
                CHALLENGE_ID,
                CHALLENGE_TIMESTAMP,
                CHALLENGE_BODY.replace("7f3a9c", "evil"),
                CHALLENGE_SIGNATURE)
            .build();
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.handshake(request, TestRequests.context(NOW, SECRET)));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void aStaleVerificationFails() {
    var request =
        message(
                "webhook_callback_verification",
                CHALLENGE_ID,
                CHALLENGE_TIMESTAMP,
                CHALLENGE_BODY,
                CHALLENGE_SIGNATURE)
            .build();
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.handshake(request, TestRequests.context(NOW.plusSeconds(3600), SECRET)));
    assertEquals("timestamp-too-old", failure.check());
  }

  @Test
  void aNotificationIsNoHandshake() {
    assertTrue(
        adapter
            .handshake(notification(BODY, SIGNATURE), TestRequests.context(NOW, SECRET))
            .isEmpty());
  }

  @Test
  void readsTheSubscriptionTypeBroadcasterAndMessageId() {
    EventFacts facts = adapter.read(notification(BODY, SIGNATURE));
    assertEquals("twitch.stream.online", facts.type());
    assertEquals("583920117", facts.subject());
    assertNull(facts.operation());
    assertEquals(ID, facts.vendorDeliveryId());
  }

  @Test
  void readsTheFollowSample() {
    var request =
        message("notification", "m-2", TIMESTAMP, adapter.profile().samples().get(1).payload(), "")
            .build();
    assertEquals("twitch.channel.follow", adapter.read(request).type());
  }

  @Test
  void aRevocationIsAccepted() {
    var request =
        message("revocation", "m-3", TIMESTAMP, adapter.profile().samples().get(2).payload(), "")
            .build();
    assertTrue(adapter.handshake(request, TestRequests.context(NOW, SECRET)).isEmpty());
    EventFacts facts = adapter.read(request);
    assertEquals("twitch.revocation", facts.type());
    assertEquals("8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d", facts.subject());
    assertEquals("m-3", facts.vendorDeliveryId());
  }

  private void assertFailure(String check, IncomingRequest request) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
    assertEquals(check, failure.check());
  }
}
