package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackAdapterTest {
  // Slack's published example (api.slack.com "Verifying requests from Slack"), also in
  // python-slack-sdk tests/slack_sdk/signature/test_signature_verifier.py.
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final long TS = 1531420618L;
  static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
          + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
          + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
          + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
          + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
  static final Instant NOW = Instant.ofEpochSecond(TS + 30);
  static final String FORM = "application/x-www-form-urlencoded";

  final SlackAdapter adapter = new SlackAdapter();

  @Test
  void thePublishedVectorVerifies() {
    var request = form(BODY).header(SlackAdapter.SIGNATURE, SIGNATURE).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void eitherSecretVerifiesDuringARotation() {
    var request = form(BODY).header(SlackAdapter.SIGNATURE, SIGNATURE).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, "new-signing-secret", SECRET)));
  }

  @Test
  void aTamperedBodyFails() {
    var request = form(BODY + "&x=1").header(SlackAdapter.SIGNATURE, SIGNATURE).build();
    assertFailure("signature-mismatch", request, NOW, SECRET);
  }

  @Test
  void aWrongSecretFails() {
    var request = form(BODY).header(SlackAdapter.SIGNATURE, SIGNATURE).build();
    assertFailure("signature-mismatch", request, NOW, "not-the-signing-secret");
  }

  @Test
  void aMissingSignatureFails() {
    assertFailure("missing-header", form(BODY).build(), NOW, SECRET);
  }

  @Test
  void aMissingTimestampFails() {
    var request =
        TestRequests.post(BODY).contentType(FORM).header(SlackAdapter.SIGNATURE, SIGNATURE).build();
    assertFailure("missing-header", request, NOW, SECRET);
  }

  @Test
  void aWrongPrefixFails() {
    var request =
        form(BODY).header(SlackAdapter.SIGNATURE, SIGNATURE.replace("v0=", "v1=")).build();
    assertFailure("wrong-prefix", request, NOW, SECRET);
  }

  @Test
  void fiveMinutesEitherWayPasses() {
    var request = form(BODY).header(SlackAdapter.SIGNATURE, SIGNATURE).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW.plusSeconds(270), SECRET)));
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW.minusSeconds(330), SECRET)));
  }

  @Test
  void aStaleTimestampFails() {
    var request = form(BODY).header(SlackAdapter.SIGNATURE, SIGNATURE).build();
    assertFailure("timestamp-too-old", request, Instant.ofEpochSecond(TS + 301), SECRET);
  }

  @Test
  void aFutureTimestampFails() {
    var request = form(BODY).header(SlackAdapter.SIGNATURE, SIGNATURE).build();
    assertFailure("timestamp-in-future", request, Instant.ofEpochSecond(TS - 301), SECRET);
  }

  @Test
  void answersASignedUrlVerificationWithTheChallengeAsText() {
    String body =
        "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\","
            + "\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
            + "\"type\":\"url_verification\"}";
    Optional<Reply> reply =
        adapter.handshake(signedJson(body, SECRET), TestRequests.context(NOW, SECRET));
    assertTrue(reply.isPresent());
    assertEquals(200, reply.get().status());
    assertEquals("text/plain; charset=utf-8", reply.get().contentType());
    assertArrayEquals(
        Signatures.utf8("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"),
        reply.get().body());
  }

  @Test
  void aUrlVerificationWithABadSignatureFails() {
    String body = "{\"token\":\"t\",\"challenge\":\"c\",\"type\":\"url_verification\"}";
    var request = signedJson(body, "someone-else's-secret");
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.handshake(request, TestRequests.context(NOW, SECRET)));
    assertEquals("signature-mismatch", failure.check());
  }

  @Test
  void anEventIsNoHandshake() {
    var sample = adapter.profile().samples().getFirst();
    var request = signedJson(sample.payload(), SECRET);
    assertTrue(adapter.handshake(request, TestRequests.context(NOW, SECRET)).isEmpty());
  }

  @Test
  void readsTheEventTypeChannelAndEventId() {
    var sample = adapter.profile().samples().getFirst();
    EventFacts facts = adapter.read(TestRequests.post(sample.payload()).build());
    assertEquals("slack.app_mention", facts.type());
    assertEquals("C04LM2N8QRS", facts.subject());
    assertEquals("Ev07BQ3L9XYZ", facts.vendorDeliveryId());
  }

  @Test
  void readsTheChannelOfAReactedItem() {
    var sample = adapter.profile().samples().get(2);
    EventFacts facts = adapter.read(TestRequests.post(sample.payload()).build());
    assertEquals("slack.reaction_added", facts.type());
    assertEquals("C04LM2N8QRS", facts.subject());
  }

  @Test
  void readsASlashCommand() {
    EventFacts facts = adapter.read(form(BODY).build());
    assertEquals("slack.slash_command", facts.type());
    assertEquals("G8PSS9T3V", facts.subject());
  }

  @Test
  void readsAnInteractionPayload() {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U2CERLKJA\"},"
            + "\"channel\":{\"id\":\"C04LM2N8QRS\",\"name\":\"ops\"},\"actions\":[]}";
    var request = form("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)).build();
    EventFacts facts = adapter.read(request);
    assertEquals("slack.block_actions", facts.type());
    assertEquals("C04LM2N8QRS", facts.subject());
  }

  @Test
  void answersAnAcceptedEventWithABare200() {
    Reply reply = adapter.accepted("evt_1", false);
    assertEquals(200, reply.status());
    assertEquals(0, reply.body().length);
  }

  private static TestRequests form(String body) {
    return TestRequests.post(body)
        .contentType(FORM)
        .header(SlackAdapter.TIMESTAMP, Long.toString(TS));
  }

  private static IncomingRequest signedJson(String body, String secret) {
    String signature =
        "v0="
            + Signatures.hex(
                Signatures.hmacSha256(secret, Signatures.utf8("v0:" + TS + ":" + body)));
    return TestRequests.post(body)
        .header(SlackAdapter.TIMESTAMP, Long.toString(TS))
        .header(SlackAdapter.SIGNATURE, signature)
        .build();
  }

  private void assertFailure(
      String check, IncomingRequest request, Instant now, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(now, secrets)));
    assertEquals(check, failure.check());
  }
}
