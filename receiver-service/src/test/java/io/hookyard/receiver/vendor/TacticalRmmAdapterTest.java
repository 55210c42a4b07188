package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookyard.common.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TacticalRmmAdapterTest {
  static final String SECRET = "hyk_trmm-token-0123456789";
  static final String URL = "https://hooks.example.com/hooks/acme/trmm";
  static final String BODY = "{\"text\": \"Disk space low on FRONTDESK-PC-03\"}";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final TacticalRmmAdapter adapter = new TacticalRmmAdapter();

  @Test
  void theTokenHeaderVerifies() {
    var request = TestRequests.post(BODY).header("X-TRMM-Token", SECRET).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void aConfiguredHeaderWithBearerVerifies() {
    var request = TestRequests.post(BODY).header("Authorization", "Bearer " + SECRET).build();
    var context = TestRequests.context(NOW, Map.of("header", "Authorization"), URL, SECRET);
    assertDoesNotThrow(() -> adapter.verify(request, context));
  }

  @Test
  void everyMethodVerifiesTheSameWay() {
    assertEquals(List.of("GET", "POST", "PUT", "PATCH", "DELETE"), adapter.profile().methods());
    for (String method : adapter.profile().methods()) {
      var request =
          TestRequests.method(method).contentType(null).header("X-TRMM-Token", SECRET).build();
      assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
    }
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    var request = TestRequests.post(BODY).header("X-TRMM-Token", SECRET).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, "hyk_new-token", SECRET)));
  }

  @Test
  void aWrongSecretFails() {
    assertFailure("wrong-secret", TestRequests.post(BODY).header("X-TRMM-Token", "nope").build());
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", TestRequests.post(BODY).build());
  }

  @Test
  void theSecretInAnotherHeaderFails() {
    var request = TestRequests.post(BODY).header("Authorization", "Bearer " + SECRET).build();
    assertFailure("missing-header", request);
  }

  @Test
  void aWrongSchemeFails() {
    var request = TestRequests.post(BODY).header("X-TRMM-Token", "Basic " + SECRET).build();
    assertFailure("wrong-secret", request);
  }

  @Test
  void readsAnAlertFailure() {
    EventFacts facts = read(0);
    assertEquals("tactical-rmm.alert", facts.type());
    assertEquals("kWqPzRbTnYcVxLmHsJdFgAeUoIiNtBvCqXwZrSyE", facts.subject());
    assertEquals("Created", facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsATemplateWithItsOwnType() {
    EventFacts facts = read(1);
    assertEquals("tactical-rmm.agent_offline", facts.type());
    assertEquals("PnLgTqZcWvXbYrKsMdHfJaUeOiCtBuNxQwEzRyAs", facts.subject());
    assertEquals("Created", facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void samplesReadAsTheTypeTheyAdvertise() {
    for (EventSample sample : adapter.profile().samples()) {
      assertEquals(sample.type(), adapter.read(TestRequests.post(sample.payload()).build()).type());
    }
  }

  @Test
  void aResolveActionIsDeleted() {
    var request =
        TestRequests.post(
                "{\"alert\": {\"severity\": \"warning\", \"resolved\": \"True\"},"
                    + " \"agent\": {\"hostname\": \"SQL-PROD-02\"}}")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("tactical-rmm.alert", facts.type());
    assertEquals("SQL-PROD-02", facts.subject());
    assertEquals("Deleted", facts.operation());
  }

  @Test
  void aStatedOperationWins() {
    var request =
        TestRequests.post("{\"event\": \"Patch Installed\", \"operation\": \"updated\"}").build();
    EventFacts facts = adapter.read(request);
    assertEquals("tactical-rmm.patch_installed", facts.type());
    assertEquals("Updated", facts.operation());
  }

  @Test
  void theSeedsPlainTextTemplateIsAnAlert() {
    EventFacts facts = adapter.read(TestRequests.post(BODY).contentType(null).build());
    assertEquals("tactical-rmm.alert", facts.type());
    assertNull(facts.subject());
    assertNull(facts.operation());
  }

  @Test
  void anEmptyGetReadsAsAnEmptyObject() {
    var request = TestRequests.get().header("X-TRMM-Token", SECRET).build();
    EventFacts facts = adapter.read(request);
    assertEquals("tactical-rmm.alert", facts.type());
    assertNull(facts.subject());
    assertNull(facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void aGetCarriesItsFactsInTheQuery() {
    var request =
        TestRequests.get().query("hostname=FRONTDESK-PC-03&status=resolved&type=check").build();
    EventFacts facts = adapter.read(request);
    assertEquals("tactical-rmm.check", facts.type());
    assertEquals("FRONTDESK-PC-03", facts.subject());
    assertEquals("Deleted", facts.operation());
  }

  @Test
  void anEmptyDeleteReadsAsAnEmptyObject() {
    var request = TestRequests.method("DELETE").contentType(null).build();
    assertEquals("tactical-rmm.alert", adapter.read(request).type());
  }

  @Test
  void anInvalidBodyIsABadRequest() {
    var request = TestRequests.method("PUT").body("{\"text\": ").build();
    assertEquals(
        400, assertThrows(ProblemException.class, () -> adapter.read(request)).problem().status());
  }

  @Test
  void typesFromTemplatesAreSanitised() {
    assertEquals("disk_space_c_", TacticalRmmAdapter.sanitise("Disk space {C:}"));
  }

  private EventFacts read(int sample) {
    var payload = adapter.profile().samples().get(sample).payload();
    return adapter.read(TestRequests.post(payload).build());
  }

  private void assertFailure(String check, IncomingRequest request) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
    assertEquals(check, failure.check());
  }
}
