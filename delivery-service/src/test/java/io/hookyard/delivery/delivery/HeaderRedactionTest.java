package io.hookyard.delivery.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderRedactionTest {

  @Test
  void credentialsAreReplacedAndEverythingElseKept() {
    Map<String, List<String>> redacted =
        HeaderRedaction.redact(
            Map.of(
                "Authorization", List.of("Bearer abc"),
                "X-Api-Key", List.of("k-1"),
                "X-Auth-Token", List.of("t-1"),
                "Cookie", List.of("a=b"),
                "X-Client-Secret", List.of("s"),
                "webhook-signature", List.of("v1,c2ln"),
                "Content-Type", List.of("application/json")));
    assertEquals(List.of("[redacted]"), redacted.get("authorization"));
    assertEquals(List.of("[redacted]"), redacted.get("x-api-key"));
    assertEquals(List.of("[redacted]"), redacted.get("x-auth-token"));
    assertEquals(List.of("[redacted]"), redacted.get("cookie"));
    assertEquals(List.of("[redacted]"), redacted.get("x-client-secret"));
    assertEquals(List.of("v1,c2ln"), redacted.get("webhook-signature"));
    assertEquals(List.of("application/json"), redacted.get("content-type"));
  }

  @Test
  void nulCharactersAreDroppedAndNoHeadersStayNull() {
    assertEquals(
        List.of("ab"), HeaderRedaction.redact(Map.of("x-odd", List.of("a\0b"))).get("x-odd"));
    assertNull(HeaderRedaction.redact(null));
  }
}
