package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JamfAdapterTest {
  static final String SECRET = "hyk_jamf-password-0123456789";
  static final String URL = "https://hooks.example.com/hooks/acme/jamf";
  static final String BODY =
      "{\"webhook\":{\"id\":7,\"name\":\"x\",\"webhookEvent\":\"ComputerAdded\"},\"event\":{}}";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final JamfAdapter adapter = new JamfAdapter();

  @Test
  void basicAuthVerifies() {
    var request = TestRequests.post(BODY).header("Authorization", basic("jamf", SECRET)).build();
    assertDoesNotThrow(() -> adapter.verify(request, context(Map.of(), SECRET)));
  }

  @Test
  void basicAuthWithAConfiguredUserVerifies() {
    var request =
        TestRequests.post(BODY).header("Authorization", basic("jamf-prod", SECRET)).build();
    assertDoesNotThrow(
        () -> adapter.verify(request, context(Map.of("username", "jamf-prod"), SECRET)));
  }

  @Test
  void thePreviousPasswordVerifiesDuringARotation() {
    var request = TestRequests.post(BODY).header("Authorization", basic("jamf", SECRET)).build();
    assertDoesNotThrow(() -> adapter.verify(request, context(Map.of(), "hyk_new", SECRET)));
  }

  @Test
  void aWrongPasswordFails() {
    var request = TestRequests.post(BODY).header("Authorization", basic("jamf", "nope")).build();
    assertFailure("wrong-credentials", request, Map.of());
  }

  @Test
  void aWrongUserFails() {
    var request = TestRequests.post(BODY).header("Authorization", basic("admin", SECRET)).build();
    assertFailure("wrong-credentials", request, Map.of());
  }

  @Test
  void aMissingAuthorizationFails() {
    assertFailure("missing-header", TestRequests.post(BODY).build(), Map.of());
  }

  @Test
  void aWrongSchemeFails() {
    var request = TestRequests.post(BODY).header("Authorization", "Bearer " + SECRET).build();
    assertFailure("wrong-scheme", request, Map.of());
  }

  @Test
  void headerAuthVerifies() {
    var request = TestRequests.post(BODY).header("Authorization", "Bearer " + SECRET).build();
    assertDoesNotThrow(() -> adapter.verify(request, context(Map.of("auth", "header"), SECRET)));
    var custom = TestRequests.post(BODY).header("X-Jamf-Token", SECRET).build();
    var settings = Map.of("auth", "header", "header", "X-Jamf-Token");
    assertDoesNotThrow(() -> adapter.verify(custom, context(settings, "hyk_new", SECRET)));
  }

  @Test
  void headerAuthWithAWrongOrMissingSecretFails() {
    var settings = Map.of("auth", "header");
    var wrong = TestRequests.post(BODY).header("Authorization", "Bearer nope").build();
    assertFailure("wrong-secret", wrong, settings);
    assertFailure("missing-header", TestRequests.post(BODY).build(), settings);
  }

  @Test
  void anUnknownAuthSettingFailsClosed() {
    var request = TestRequests.post(BODY).header("Authorization", basic("jamf", SECRET)).build();
    assertFailure("unknown-auth", request, Map.of("auth", "none"));
  }

  @Test
  void readsComputerAdded() {
    EventFacts facts = read(0);
    assertEquals("jamf.ComputerAdded", facts.type());
    assertEquals("C02FK3XYMD6T", facts.subject());
    assertNull(facts.operation());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsTheComputerOfAPolicyFinished() {
    EventFacts facts = read(1);
    assertEquals("jamf.ComputerPolicyFinished", facts.type());
    assertEquals("C02FK3XYMD6T", facts.subject());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void readsMobileDeviceEnrolled() {
    EventFacts facts = read(2);
    assertEquals("jamf.MobileDeviceEnrolled", facts.type());
    assertEquals("DMPXK2Q7HW1C", facts.subject());
    assertNull(facts.vendorDeliveryId());
  }

  @Test
  void samplesReadAsTheTypeTheyAdvertise() {
    for (EventSample sample : adapter.profile().samples()) {
      assertEquals(sample.type(), adapter.read(TestRequests.post(sample.payload()).build()).type());
    }
  }

  @Test
  void fallsBackToTheUdid() {
    var request =
        TestRequests.post(
                "{\"webhook\":{\"webhookEvent\":\"MobileDeviceCheckIn\"},"
                    + "\"event\":{\"udid\":\"00008110-001A2B3C4D5E801E\"}}")
            .build();
    assertEquals("00008110-001A2B3C4D5E801E", adapter.read(request).subject());
  }

  @Test
  void anEventWithoutADeviceHasNoSubject() {
    var request =
        TestRequests.post(
                "{\"webhook\":{\"webhookEvent\":\"JSSStartup\"},"
                    + "\"event\":{\"jssUrl\":\"https://jamf.example.com/\"}}")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("jamf.JSSStartup", facts.type());
    assertNull(facts.subject());
  }

  @Test
  void anXmlBodyIsUnsupported() {
    var request =
        TestRequests.post("<JSSEvent><webhook/></JSSEvent>").contentType("text/xml").build();
    var problem = assertThrows(ProblemException.class, () -> adapter.read(request)).problem();
    assertEquals(415, problem.status());
    assertTrue(problem.detail().contains("JSON"));
  }

  @Test
  void anInvalidJsonBodyIsABadRequest() {
    var request = TestRequests.post("{\"webhook\":").build();
    assertEquals(
        400, assertThrows(ProblemException.class, () -> adapter.read(request)).problem().status());
  }

  private EventFacts read(int sample) {
    var payload = adapter.profile().samples().get(sample).payload();
    return adapter.read(TestRequests.post(payload).build());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static VerificationContext context(Map<String, String> settings, String... secrets) {
    return TestRequests.context(NOW, settings, URL, secrets);
  }

  private void assertFailure(String check, IncomingRequest request, Map<String, String> settings) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class, () -> adapter.verify(request, context(settings, SECRET)));
    assertEquals(check, failure.check());
  }
}
