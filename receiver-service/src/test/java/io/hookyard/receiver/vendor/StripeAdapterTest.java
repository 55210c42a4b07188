package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StripeAdapterTest {
  // Stripe publishes no vector. These are stripe-python's test inputs (tests/test_webhook.py),
  // signed at t=1700000000; stripe-python and stripe-node both accept the result (vendors.md §2).
  static final String SECRET = "whsec_test_secret";
  static final String BODY =
      """
      {
        "id": "evt_test_webhook",
        "object": "event",
        "data": { "object": { "id": "rdr_123", "object": "terminal.reader" } }
      }""";
  static final long T = 1_700_000_000L;
  static final String V1 = "3bfab77baf5f7b6991a46c9b53b6547d7afc56148b10468fcad9f35c1992ffbd";
  static final Instant NOW = Instant.ofEpochSecond(T + 10);

  final StripeAdapter adapter = new StripeAdapter();

  @Test
  void theComputedStripePythonVectorVerifies() {
    assertDoesNotThrow(
        () ->
            adapter.verify(
                signed(BODY, "t=" + T + ",v1=" + V1), TestRequests.context(NOW, SECRET)));
  }

  @Test
  void theKeyIsTheWholeSecretStringNotItsBase64Decoding() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    byte[] decoded = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    String svixStyle = sign(decoded, T, BODY);
    assertFailure("signature-mismatch", signed(BODY, "t=" + T + ",v1=" + svixStyle), secret);
    String stripeStyle = sign(Signatures.utf8(secret), T, BODY);
    assertDoesNotThrow(
        () ->
            adapter.verify(
                signed(BODY, "t=" + T + ",v1=" + stripeStyle), TestRequests.context(NOW, secret)));
  }

  @Test
  void anyOfSeveralV1SignaturesIsEnough() {
    String header = "t=" + T + ",v1=" + "0".repeat(64) + ",v1=" + V1 + ",v0=" + "1".repeat(64);
    assertDoesNotThrow(
        () -> adapter.verify(signed(BODY, header), TestRequests.context(NOW, SECRET)));
  }

  @Test
  void eitherSecretVerifiesDuringARotation() {
    var request = signed(BODY, "t=" + T + ",v1=" + V1);
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, "whsec_new_secret", SECRET)));
  }

  @Test
  void aTamperedBodyFails() {
    assertFailure("signature-mismatch", signed(BODY + " ", "t=" + T + ",v1=" + V1), SECRET);
  }

  @Test
  void aWrongSecretFails() {
    assertFailure("signature-mismatch", signed(BODY, "t=" + T + ",v1=" + V1), "whsec_other");
  }

  @Test
  void aSignatureForAnotherTimestampFails() {
    assertFailure("signature-mismatch", signed(BODY, "t=" + (T + 1) + ",v1=" + V1), SECRET);
  }

  @Test
  void aTimestampExactlyFiveMinutesOldPasses() {
    var request = signed(BODY, "t=" + T + ",v1=" + V1);
    assertDoesNotThrow(
        () ->
            adapter.verify(request, TestRequests.context(Instant.ofEpochSecond(T + 300), SECRET)));
  }

  @Test
  void aStaleTimestampFails() {
    var request = signed(BODY, "t=" + T + ",v1=" + V1);
    var failure =
        assertThrows(
            VerificationFailure.class,
            () ->
                adapter.verify(
                    request, TestRequests.context(Instant.ofEpochSecond(T + 301), SECRET)));
    assertEquals("timestamp-too-old", failure.check());
  }

  @Test
  void aFutureTimestampPassesAsInStripesLibraries() {
    var request = signed(BODY, "t=" + T + ",v1=" + V1);
    assertDoesNotThrow(
        () ->
            adapter.verify(request, TestRequests.context(Instant.ofEpochSecond(T - 3600), SECRET)));
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", TestRequests.post(BODY).build(), SECRET);
  }

  @Test
  void onlyV0SignaturesAreTheWrongScheme() {
    String v0 = sign(Signatures.utf8(SECRET), T, BODY);
    assertFailure("wrong-prefix", signed(BODY, "t=" + T + ",v0=" + v0), SECRET);
  }

  @Test
  void aHeaderWithoutTimestampIsMalformed() {
    assertFailure("malformed-header", signed(BODY, "v1=" + V1), SECRET);
  }

  @Test
  void aTimestampThatIsNoNumberIsMalformed() {
    assertFailure("malformed-timestamp", signed(BODY, "t=yesterday,v1=" + V1), SECRET);
  }

  @Test
  void readsTheEventTypeObjectAndEventId() {
    var sample = adapter.profile().samples().getFirst();
    EventFacts facts = adapter.read(TestRequests.post(sample.payload()).build());
    assertEquals("stripe.invoice.paid", facts.type());
    assertEquals("in_1QhK2tLkdIwHu7ixF4vZq2Wc", facts.subject());
    assertEquals("evt_1QhK2vLkdIwHu7ixR0mJt8Pa", facts.vendorDeliveryId());
  }

  @Test
  void readsTheOperationStripeStatesInTheEventName() {
    var sample = adapter.profile().samples().get(2);
    EventFacts facts = adapter.read(TestRequests.post(sample.payload()).build());
    assertEquals("stripe.customer.subscription.deleted", facts.type());
    assertEquals("sub_1QhK0aLkdIwHu7ixYt3sVb91", facts.subject());
    assertEquals("Deleted", facts.operation());
  }

  @Test
  void thePreviousAttributesLaidOverTheObjectAreThePreviousState() {
    String updated =
        """
        {"id":"evt_1","type":"customer.subscription.updated",
         "data":{"object":{"id":"sub_1","status":"active","plan":{"id":"gold","amount":2000},
                           "items":[1,2]},
                 "previous_attributes":{"status":"trialing","plan":{"amount":1000},
                                        "items":[1]}}}""";
    var previous = adapter.previousState(updated.getBytes()).orElseThrow();
    assertEquals("trialing", previous.at("/data/object/status").asText());
    assertEquals(1000, previous.at("/data/object/plan/amount").asInt());
    assertEquals("gold", previous.at("/data/object/plan/id").asText(), "unchanged keys stay");
    assertEquals(1, previous.at("/data/object/items").size(), "arrays are replaced whole");
    assertTrue(previous.at("/data/previous_attributes").isMissingNode());
  }

  @Test
  void anEventWithoutPreviousAttributesHasNoPreviousState() {
    assertTrue(adapter.previousState(BODY.getBytes()).isEmpty());
  }

  private static IncomingRequest signed(String body, String header) {
    return TestRequests.post(body).header(StripeAdapter.SIGNATURE, header).build();
  }

  private static String sign(byte[] key, long t, String body) {
    return Signatures.hex(Signatures.hmac("HmacSHA256", key, Signatures.utf8(t + "." + body)));
  }

  private void assertFailure(String check, IncomingRequest request, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, secrets)));
    assertEquals(check, failure.check());
  }
}
