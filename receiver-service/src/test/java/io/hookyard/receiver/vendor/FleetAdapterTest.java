package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetAdapterTest {
  static final String SECRET = "hyk_fleet-token-AbC123_-xyz";
  static final String BODY = "{\"host_id\":1,\"failing_policies\":[]}";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final FleetAdapter adapter = new FleetAdapter();

  @Test
  void theTokenInTheUrlVerifies() {
    var request = TestRequests.post(BODY).query("token=" + SECRET).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void aBearerHeaderVerifies() {
    var request = TestRequests.post(BODY).header("Authorization", "Bearer " + SECRET).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void thePreviousSecretVerifiesDuringARotation() {
    var request = TestRequests.post(BODY).query("token=" + SECRET).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, TestRequests.context(NOW, "hyk_new-token", SECRET)));
    var bearer = TestRequests.post(BODY).header("Authorization", "Bearer " + SECRET).build();
    assertDoesNotThrow(
        () -> adapter.verify(bearer, TestRequests.context(NOW, "hyk_new-token", SECRET)));
  }

  @Test
  void aWrongTokenFails() {
    assertFailure("wrong-secret", TestRequests.post(BODY).query("token=wrong").build());
  }

  @Test
  void aWrongBearerFails() {
    var request = TestRequests.post(BODY).header("Authorization", "Bearer wrong").build();
    assertFailure("wrong-secret", request);
  }

  @Test
  void aWrongTokenInTheUrlFailsEvenWithAGoodHeader() {
    var request =
        TestRequests.post(BODY)
            .query("token=wrong")
            .header("Authorization", "Bearer " + SECRET)
            .build();
    assertFailure("wrong-secret", request);
  }

  @Test
  void aMissingTokenFails() {
    assertFailure("missing-token", TestRequests.post(BODY).query("team=3").build());
  }

  @Test
  void aWrongSchemeFails() {
    var request = TestRequests.post(BODY).header("Authorization", "Basic " + SECRET).build();
    assertFailure("wrong-scheme", request);
  }

  @Test
  void readsTheCalendarWebhook() {
    EventFacts facts = read("fleet.calendar");
    assertEquals("fleet.calendar", facts.type());
    assertEquals("20417", facts.subject());
    assertNull(facts.operation());
    assertNull(facts.vendorDeliveryId());
    assertTrue(sample("fleet.calendar").contains("\"name\": \"macOS - OS version up to date\""));
  }

  @Test
  void readsACalendarWebhookWithAnError() {
    var request =
        TestRequests.post(
                "{\"timestamp\":\"2026-11-22T13:00:04Z\",\"host_id\":20533,"
                    + "\"host_display_name\":\"Studio Mac 02\",\"host_serial_number\":\"C02X\","
                    + "\"error\":\"no calendar event found for the host's user\"}")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("fleet.calendar", facts.type());
    assertEquals("20533", facts.subject());
  }

  @Test
  void readsFailingPolicies() {
    EventFacts facts = read("fleet.failing_policies");
    assertEquals("fleet.failing_policies", facts.type());
    assertEquals("312", facts.subject());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsAVulnerability() {
    EventFacts facts = read("fleet.vulnerability");
    assertEquals("fleet.vulnerability", facts.type());
    assertEquals("CVE-2026-21834", facts.subject());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsHostStatus() {
    EventFacts facts = read("fleet.host_status");
    assertEquals("fleet.host_status", facts.type());
    assertNull(facts.subject());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsTheExactHostStatusBodyFleetSends() {
    var request =
        TestRequests.post(
                "{\"data\":{\"days_unseen\":2,\"host_ids\":[1,2],\"total_hosts\":10,"
                    + "\"unseen_hosts\":2},\"text\":\"More than 20.00% of your hosts...\"}")
            .build();
    assertEquals("fleet.host_status", adapter.read(request).type());
  }

  @Test
  void anUnknownShapeIsKeptAsUnknown() {
    var request = TestRequests.post("{\"timestamp\":\"2026-11-22T13:00:04Z\"}").build();
    EventFacts facts = adapter.read(request);
    assertEquals("fleet.unknown", facts.type());
    assertNull(facts.subject());
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() {
    var request = TestRequests.post("host_id=1").contentType("text/plain").build();
    assertEquals(
        415, assertThrows(ProblemException.class, () -> adapter.read(request)).problem().status());
  }

  private String sample(String type) {
    return adapter.profile().samples().stream()
        .filter(s -> s.type().equals(type))
        .findFirst()
        .orElseThrow()
        .payload();
  }

  private EventFacts read(String type) {
    return adapter.read(TestRequests.post(sample(type)).build());
  }

  private void assertFailure(String check, IncomingRequest request) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
    assertEquals(check, failure.check());
  }
}
