package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

// Graph publishes no vector and signs nothing: these checks are on clientState.
class MicrosoftGraphAdapterTest {
  static final String SECRET = "hyk_3q2-graph-client-state";
  static final String OLD_SECRET = "hyk_previous-client-state";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final MicrosoftGraphAdapter adapter = new MicrosoftGraphAdapter();

  static String notification(String clientState) {
    return "{\"subscriptionId\":\"7f105c7d-2dc5-4530-97cd-4e7ae6534c07\","
        + "\"changeType\":\"deleted\",\"resource\":\"Users/1a9b7c3e\","
        + "\"clientState\":\""
        + clientState
        + "\",\"tenantId\":\"84bd8158-6d4d-4958-8b9f-9d6445542f95\"}";
  }

  static String batch(String... items) {
    return "{\"value\":[" + String.join(",", items) + "]}";
  }

  @Test
  void theValidationHandshakeEchoesTheDecodedTokenAsPlainText() {
    var request =
        TestRequests.post("")
            .contentType("text/plain; charset=utf-8")
            .query("validationToken=Validation%3A%20Testing%20client%20%3Cb%3E%26reachability")
            .build();
    Reply reply = adapter.handshake(request, TestRequests.context(NOW, SECRET)).orElseThrow();
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("text/plain"));
    assertArrayEquals(
        "Validation: Testing client <b>&reachability".getBytes(StandardCharsets.UTF_8),
        reply.body());
  }

  @Test
  void aNotificationIsNoHandshake() {
    var request = TestRequests.post(batch(notification(SECRET))).build();
    assertTrue(adapter.handshake(request, TestRequests.context(NOW, SECRET)).isEmpty());
  }

  @Test
  void theRightClientStateVerifies() {
    var request = TestRequests.post(batch(notification(SECRET))).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void everySampleVerifiesWithItsClientState() {
    for (EventSample sample : adapter.profile().samples()) {
      var request = TestRequests.post(sample.payload()).build();
      assertDoesNotThrow(
          () -> adapter.verify(request, TestRequests.context(NOW, "hyk_sample-client-state")));
    }
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    var request = TestRequests.post(batch(notification(OLD_SECRET))).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, SECRET, OLD_SECRET)));
  }

  @Test
  void aBatchSignedWithBothSecretsOfARotationVerifies() {
    var request = TestRequests.post(batch(notification(SECRET), notification(OLD_SECRET))).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, SECRET, OLD_SECRET)));
  }

  @Test
  void aWrongSecretFails() {
    var request = TestRequests.post(batch(notification("guessed"))).build();
    assertFailure("wrong-secret", request, SECRET);
  }

  @Test
  void oneForeignItemInABatchFailsTheBatch() {
    var request = TestRequests.post(batch(notification(SECRET), notification("guessed"))).build();
    assertFailure("wrong-secret", request, SECRET);
  }

  @Test
  void aMissingClientStateFails() {
    var request =
        TestRequests.post(batch("{\"changeType\":\"updated\",\"resource\":\"Users/1\"}")).build();
    assertFailure("missing-client-state", request, SECRET);
  }

  @Test
  void aPrefixOfTheSecretFails() {
    var request = TestRequests.post(batch(notification(SECRET.substring(0, 10)))).build();
    assertFailure("wrong-secret", request, SECRET);
  }

  @Test
  void aBodyWithoutNotificationsIsABadRequest() {
    var request = TestRequests.post("{\"value\":[]}").build();
    ProblemException problem =
        assertThrows(
            ProblemException.class,
            () -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
    assertEquals(400, problem.problem().status());
  }

  @Test
  void readsTheChangeTypeResourceAndOperation() {
    var request = TestRequests.post(adapter.profile().samples().get(0).payload()).build();
    EventFacts facts = adapter.read(request);
    assertEquals("microsoft-graph.updated", facts.type());
    assertEquals("Users/1a9b7c3e-55d2-4c5f-8e21-0d6f3b4a9e11", facts.subject());
    assertEquals("Updated", facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void mapsCreatedAndDeleted() {
    var created = TestRequests.post(adapter.profile().samples().get(1).payload()).build();
    assertEquals("Created", adapter.read(created).operation());
    assertEquals("microsoft-graph.created", adapter.read(created).type());
    var deleted = TestRequests.post(batch(notification(SECRET))).build();
    assertEquals("Deleted", adapter.read(deleted).operation());
  }

  @Test
  void readsALifecycleNotification() {
    var request = TestRequests.post(adapter.profile().samples().get(2).payload()).build();
    EventFacts facts = adapter.read(request);
    assertEquals("microsoft-graph.lifecycle.reauthorizationRequired", facts.type());
    assertEquals("7f105c7d-2dc5-4530-97cd-4e7ae6534c07", facts.subject());
    assertNull(facts.operation());
  }

  @Test
  void generatedSecretsFitGraphsClientStateLimit() {
    assertTrue(adapter.generateSecret(new SecureRandom()).length() <= 128);
    assertEquals(VendorProfile.SecretOrigin.GENERATED, adapter.profile().secret());
  }

  @Test
  void acceptsWith202() {
    assertEquals(202, adapter.accepted("evt_1", false).status());
  }

  private void assertFailure(String check, IncomingRequest request, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, secrets)));
    assertEquals(check, failure.check());
  }
}
