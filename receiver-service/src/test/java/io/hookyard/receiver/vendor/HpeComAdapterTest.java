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

class HpeComAdapterTest {
  static final String SECRET = "hyk_com-secret-0123456789";
  static final String URL = "https://hooks.example.com/hooks/acme/com";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final HpeComAdapter adapter = new HpeComAdapter();

  @Test
  void aDeliveryWithTheBearerSecretVerifies() {
    var request = delivery().header("Authorization", "Bearer " + SECRET).build();
    assertDoesNotThrow(() -> adapter.verify(request, context(SECRET)));
  }

  @Test
  void aBareSecretInAConfiguredHeaderVerifies() {
    var request = delivery().header("X-Api-Key", SECRET).build();
    var context = TestRequests.context(NOW, Map.of("header", "X-Api-Key"), URL, SECRET);
    assertDoesNotThrow(() -> adapter.verify(request, context));
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    var request = delivery().header("Authorization", "Bearer " + SECRET).build();
    assertDoesNotThrow(() -> adapter.verify(request, context("hyk_the-new-one", SECRET)));
  }

  @Test
  void aWrongSecretFails() {
    var request = delivery().header("Authorization", "Bearer not-the-secret").build();
    assertFailure("wrong-secret", request, context(SECRET));
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", delivery().build(), context(SECRET));
  }

  @Test
  void aWrongSchemeFails() {
    var request = delivery().header("Authorization", "Basic " + SECRET).build();
    assertFailure("wrong-secret", request, context(SECRET));
  }

  @Test
  void theHandshakeEchoesTheChallengeAsJson() {
    var request =
        TestRequests.get()
            .header(HpeComAdapter.CHALLENGE, "3f9d1c0e-6b7a-4e2f-9c1d-0a8b7c6d5e4f")
            .header("Authorization", "Bearer " + SECRET)
            .build();
    Reply reply = adapter.handshake(request, context(SECRET)).orElseThrow();
    assertEquals(200, reply.status());
    assertEquals("application/json", reply.contentType());
    assertEquals(
        "{\"verification\":\"3f9d1c0e-6b7a-4e2f-9c1d-0a8b7c6d5e4f\"}",
        new String(reply.body(), StandardCharsets.UTF_8));
  }

  @Test
  void theHandshakeEscapesTheChallenge() {
    var request =
        TestRequests.get()
            .header(HpeComAdapter.CHALLENGE, "a\"b\\c")
            .header("Authorization", "Bearer " + SECRET)
            .build();
    Reply reply = adapter.handshake(request, context(SECRET)).orElseThrow();
    assertArrayEquals(
        "{\"verification\":\"a\\\"b\\\\c\"}".getBytes(StandardCharsets.UTF_8), reply.body());
  }

  @Test
  void theHandshakeNeedsTheSecretHeader() {
    var request = TestRequests.get().header(HpeComAdapter.CHALLENGE, "challenge").build();
    VerificationFailure failure =
        assertThrows(VerificationFailure.class, () -> adapter.handshake(request, context(SECRET)));
    assertEquals("missing-header", failure.check());
  }

  @Test
  void theHandshakeFailsWithAWrongSecret() {
    var request =
        TestRequests.get()
            .header(HpeComAdapter.CHALLENGE, "challenge")
            .header("Authorization", "Bearer wrong")
            .build();
    VerificationFailure failure =
        assertThrows(VerificationFailure.class, () -> adapter.handshake(request, context(SECRET)));
    assertEquals("wrong-secret", failure.check());
  }

  @Test
  void theHandshakeCanBeAnsweredWithoutTheHeaderWhenTheSourceSaysSo() {
    var request = TestRequests.get().header(HpeComAdapter.CHALLENGE, "challenge").build();
    var context = TestRequests.context(NOW, Map.of("handshakeAuth", "none"), URL, SECRET);
    assertEquals(200, adapter.handshake(request, context).orElseThrow().status());
  }

  @Test
  void aGetWithoutTheChallengeIsRefused() {
    var request = TestRequests.get().header("Authorization", "Bearer " + SECRET).build();
    VerificationFailure failure =
        assertThrows(VerificationFailure.class, () -> adapter.handshake(request, context(SECRET)));
    assertEquals("missing-header", failure.check());
    assertTrue(failure.getMessage().contains(HpeComAdapter.CHALLENGE));
  }

  @Test
  void aPostIsNotAHandshake() {
    var request =
        delivery()
            .header(HpeComAdapter.CHALLENGE, "challenge")
            .header("Authorization", "Bearer " + SECRET)
            .build();
    assertTrue(adapter.handshake(request, context(SECRET)).isEmpty());
  }

  @Test
  void readsAServerEventInTheFilterNamespace() {
    EventFacts facts = read(0);
    assertEquals("compute-ops/server", facts.type());
    assertEquals("P28948-B21+CZ2311004H", facts.subject());
    assertEquals("Updated", facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsAnAlert() {
    EventFacts facts = read(1);
    assertEquals("compute-ops/alert", facts.type());
    assertEquals("2c4b7f10-6a0e-4b9b-9a3d-5e81f4c2d907", facts.subject());
    assertEquals("Created", facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsAJob() {
    EventFacts facts = read(2);
    assertEquals("compute-ops/job", facts.type());
    assertEquals("7a1e5d3c-20b4-4f6e-8c19-b0d2e4a9f311", facts.subject());
    assertEquals("Updated", facts.operation());
  }

  @Test
  void samplesAreNamedInTheFilterNamespace() {
    for (EventSample sample : adapter.profile().samples()) {
      var facts = adapter.read(TestRequests.post(sample.payload()).build());
      assertEquals(sample.type(), facts.type());
    }
  }

  @Test
  void keepsATypeAlreadyInTheFilterNamespace() {
    var request =
        TestRequests.post("{\"type\":\"compute-ops/group/compliance\",\"id\":\"g1\"}").build();
    assertEquals("compute-ops/group/compliance", adapter.read(request).type());
    assertEquals("compute-ops/unknown", HpeComAdapter.normaliseType(null));
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() {
    var request = TestRequests.post("<server/>").contentType("application/xml").build();
    var problem = assertThrows(ProblemException.class, () -> adapter.read(request));
    assertEquals(415, problem.problem().status());
    var invalid = TestRequests.post("{\"type\":").build();
    assertEquals(
        400, assertThrows(ProblemException.class, () -> adapter.read(invalid)).problem().status());
  }

  @Test
  void takesGetForTheHandshakeAndPostForEvents() {
    assertEquals(java.util.List.of("GET", "POST"), adapter.profile().methods());
    assertEquals(VendorProfile.SecretOrigin.GENERATED, adapter.profile().secret());
    assertEquals("hpe-com", adapter.vendor());
  }

  private EventFacts read(int sample) {
    var payload = adapter.profile().samples().get(sample).payload();
    return adapter.read(TestRequests.post(payload).build());
  }

  private static TestRequests delivery() {
    return TestRequests.post("{\"type\":\"compute-ops-mgmt/server\",\"id\":\"s1\"}");
  }

  private static VerificationContext context(String... secrets) {
    return TestRequests.context(NOW, Map.of(), URL, secrets);
  }

  private void assertFailure(String check, IncomingRequest request, VerificationContext context) {
    VerificationFailure failure =
        assertThrows(VerificationFailure.class, () -> adapter.verify(request, context));
    assertEquals(check, failure.check());
  }
}
