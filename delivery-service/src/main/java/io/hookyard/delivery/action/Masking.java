package io.hookyard.delivery.action;

import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps credentials out of the delivery log: every occurrence of a secret value in a request's URL,
 * headers or body, and in the response, is replaced before the attempt is written. Header redaction
 * by name ({@code HeaderRedaction}) still applies on top.
 */
public final class Masking {
  static final String MASK = "[redacted]";
  // Shorter values would mask ordinary text; credentials are never this short.
  private static final int SHORTEST_SECRET = 4;

  private Masking() {}

  /** The result with its request (and response) as the log may show it. */
  public static AttemptResult mask(AttemptResult result, Set<String> secrets) {
    if (secrets.isEmpty()) {
      return result;
    }
    OutgoingRequest request = result.request();
    OutgoingRequest shown =
        new OutgoingRequest(
            request.step(),
            request.method(),
            mask(request.url(), secrets),
            request.loggedHeaders(),
            mask(request.loggedHeaders(), secrets),
            mask(request.body(), secrets));
    return new AttemptResult(
        shown,
        result.startedAt(),
        result.durationMs(),
        result.status(),
        result.responseHeaders() == null ? null : mask(result.responseHeaders(), secrets),
        mask(result.responseBody(), secrets),
        result.errorClass(),
        result.errorDetail() == null ? null : mask(result.errorDetail(), secrets));
  }

  static String mask(String text, Set<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= SHORTEST_SECRET && masked.contains(secret)) {
        masked = masked.replace(secret, MASK);
      }
    }
    return masked;
  }

  private static byte[] mask(byte[] body, Set<String> secrets) {
    if (body == null || body.length == 0) {
      return body;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String masked = mask(text, secrets);
    return masked.equals(text) ? body : masked.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> mask(
      Map<String, List<String>> headers, Set<String> secrets) {
    Map<String, List<String>> masked = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            masked.put(name, values.stream().map(value -> mask(value, secrets)).toList()));
    return masked;
  }
}
