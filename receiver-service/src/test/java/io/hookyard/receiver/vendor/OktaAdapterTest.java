package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Okta signs nothing and publishes no vector: the checks are on the configured header.
class OktaAdapterTest {
  static final String SECRET = "hyk_okta-current-secret";
  static final String OLD_SECRET = "hyk_okta-previous-secret";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final String URL = "https://hooks.example.com/hooks/acme/okta";

  final OktaAdapter adapter = new OktaAdapter();

  String body() {
    return adapter.profile().samples().get(0).payload();
  }

  @Test
  void theVerificationGetIsAnsweredWithTheChallengeAsJson() {
    var request =
        TestRequests.get()
            .header("X-Okta-Verification-Challenge", "X6ZgXcGx4P2NHs7Ms2yC-oUJHWXyEbxPu2dC1Hka")
            .build();
    Reply reply = adapter.handshake(request, TestRequests.context(NOW, SECRET)).orElseThrow();
    assertEquals(200, reply.status());
    assertEquals("application/json", reply.contentType());
    assertArrayEquals(
        "{\"verification\":\"X6ZgXcGx4P2NHs7Ms2yC-oUJHWXyEbxPu2dC1Hka\"}"
            .getBytes(StandardCharsets.UTF_8),
        reply.body());
  }

  @Test
  void theChallengeIsEscapedAsJson() {
    var request = TestRequests.get().header("X-Okta-Verification-Challenge", "a\"b\\c").build();
    Reply reply = adapter.handshake(request, TestRequests.context(NOW, SECRET)).orElseThrow();
    assertEquals(
        "{\"verification\":\"a\\\"b\\\\c\"}", new String(reply.body(), StandardCharsets.UTF_8));
  }

  @Test
  void aDeliveryIsNoHandshake() {
    var request = TestRequests.post(body()).header("Authorization", SECRET).build();
    assertTrue(adapter.handshake(request, TestRequests.context(NOW, SECRET)).isEmpty());
    assertTrue(adapter.handshake(TestRequests.get().build(), TestRequests.context(NOW)).isEmpty());
  }

  @Test
  void theSecretInAuthorizationVerifies() {
    var request = TestRequests.post(body()).header("Authorization", SECRET).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void aConfiguredHeaderIsUsedInstead() {
    var settings = Map.of("header", "X-Hook-Secret");
    var request = TestRequests.post(body()).header("X-Hook-Secret", SECRET).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, settings, URL, SECRET)));
    var inAuthorization = TestRequests.post(body()).header("Authorization", SECRET).build();
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () ->
                adapter.verify(inAuthorization, TestRequests.context(NOW, settings, URL, SECRET)));
    assertEquals("missing-header", failure.check());
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    var request = TestRequests.post(body()).header("Authorization", OLD_SECRET).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, SECRET, OLD_SECRET)));
  }

  @Test
  void aWrongSecretFails() {
    var request = TestRequests.post(body()).header("Authorization", "hyk_guessed").build();
    assertFailure("wrong-secret", request, SECRET);
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", TestRequests.post(body()).build(), SECRET);
  }

  @Test
  void readsTheFirstEventTypeItsTargetAndTheEventId() {
    EventFacts facts = adapter.read(TestRequests.post(body()).build());
    assertEquals("okta.user.lifecycle.deactivate", facts.type());
    assertEquals("00u9zy8xw7VU6ts5RQ4p", facts.subject());
    assertNull(facts.operation());
    assertEquals("b5a188b9-5ece-4831-a4b9-4d8d8e8e4c2d", facts.vendorDeliveryId());
  }

  @Test
  void aBodyWithoutEventsIsABadRequest() {
    var request = TestRequests.post("{\"eventType\":\"com.okta.event_hook\"}").build();
    ProblemException problem = assertThrows(ProblemException.class, () -> adapter.read(request));
    assertEquals(400, problem.problem().status());
  }

  @Test
  void acceptsWith204AndNoBody() {
    Reply reply = adapter.accepted("evt_1", false);
    assertEquals(204, reply.status());
    assertEquals(0, reply.body().length);
  }

  @Test
  void takesGetAndPost() {
    assertEquals(java.util.List.of("GET", "POST"), adapter.profile().methods());
  }

  private void assertFailure(String check, IncomingRequest request, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, secrets)));
    assertEquals(check, failure.check());
  }
}
