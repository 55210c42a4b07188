package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericAdapterTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final String SECRET = "generic-secret-123";
  static final String BODY = "{\"type\":\"backup.finished\",\"subject\":\"nas-1\"}";
  static final Map<String, String> HMAC =
      Map.of(
          "auth",
          "hmac",
          "header",
          "X-Signature",
          "prefix",
          "sha256=",
          "timestampHeader",
          "X-Timestamp");

  final GenericAdapter adapter = new GenericAdapter();

  @Test
  void aTimestampedHmacVerifiesAndReadsTheEnvelopeFacts() {
    long now = NOW.getEpochSecond();
    var request = signed(Long.toString(now), now + "." + BODY);
    assertDoesNotThrow(() -> adapter.verify(request, context(HMAC)));
    EventFacts facts = adapter.read(request);
    assertEquals("backup.finished", facts.type());
    assertEquals("nas-1", facts.subject());
  }

  @Test
  void staleFutureAndOutOfRangeTimestampsAreRefused() {
    long stale = NOW.getEpochSecond() - 301;
    assertFailure("timestamp-too-old", signed(Long.toString(stale), stale + "." + BODY), HMAC);
    long future = NOW.getEpochSecond() + 301;
    assertFailure("timestamp-in-future", signed(Long.toString(future), future + "." + BODY), HMAC);
    assertFailure("malformed-timestamp", signed("99999999999999999", "x"), HMAC);
  }

  @Test
  void aSourceWithAnUnreadableToleranceAcceptsNothing() {
    Map<String, String> broken = new java.util.HashMap<>(HMAC);
    broken.put("toleranceSeconds", "soon");
    long now = NOW.getEpochSecond();
    assertFailure("invalid-setting", signed(Long.toString(now), now + "." + BODY), broken);
  }

  @Test
  void anUnknownAuthFailsClosed() {
    assertFailure("unknown-auth", TestRequests.post(BODY).build(), Map.of("auth", "magic"));
  }

  private static IncomingRequest signed(String timestamp, String signedText) {
    String signature =
        "sha256=" + Signatures.hex(Signatures.hmacSha256(SECRET, Signatures.utf8(signedText)));
    return TestRequests.post(BODY)
        .header("X-Timestamp", timestamp)
        .header("X-Signature", signature)
        .build();
  }

  private static VerificationContext context(Map<String, String> settings) {
    return TestRequests.context(NOW, settings, "https://hooks.example.com/hooks/t/s", SECRET);
  }

  private void assertFailure(String check, IncomingRequest request, Map<String, String> settings) {
    VerificationFailure failure =
        assertThrows(VerificationFailure.class, () -> adapter.verify(request, context(settings)));
    assertEquals(check, failure.check());
  }
}
