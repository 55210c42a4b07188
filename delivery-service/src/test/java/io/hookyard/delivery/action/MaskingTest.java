package io.hookyard.delivery.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskingTest {
  private static final String SECRET = "tok-9f8e7d6c";

  private static AttemptResult result(String url, String header, String body, String response) {
    OutgoingRequest request =
        new OutgoingRequest(
            "step",
            "POST",
            url,
            Map.of("x-key", List.of(header)),
            Map.of("x-key", List.of(header)),
            body.getBytes(StandardCharsets.UTF_8));
    return new AttemptResult(
        request,
        Instant.EPOCH,
        1,
        200,
        Map.of("echo", List.of(header)),
        response.getBytes(StandardCharsets.UTF_8),
        null,
        null);
  }

  @Test
  void everyOccurrenceOfASecretIsReplacedInRequestAndResponse() {
    AttemptResult masked =
        Masking.mask(
            result(
                "https://api.example.com/x?key=" + SECRET,
                "Bearer " + SECRET,
                "{\"a\":\"" + SECRET + "\",\"b\":\"" + SECRET + "\"}",
                "you sent " + SECRET),
            Set.of(SECRET));

    assertEquals("https://api.example.com/x?key=[redacted]", masked.request().url());
    assertEquals(List.of("Bearer [redacted]"), masked.request().loggedHeaders().get("x-key"));
    assertEquals(
        "{\"a\":\"[redacted]\",\"b\":\"[redacted]\"}",
        new String(masked.request().body(), StandardCharsets.UTF_8));
    assertEquals(List.of("Bearer [redacted]"), masked.responseHeaders().get("echo"));
    assertEquals("you sent [redacted]", new String(masked.responseBody(), StandardCharsets.UTF_8));
  }

  @Test
  void withoutSecretsOrWithTooShortOnesNothingChanges() {
    AttemptResult plain = result("https://a.example.com/", "v", "body abc", "ok");
    assertSame(plain, Masking.mask(plain, Set.of()));
    AttemptResult kept = Masking.mask(plain, Set.of("abc"));
    assertEquals("body abc", new String(kept.request().body(), StandardCharsets.UTF_8));
  }
}
