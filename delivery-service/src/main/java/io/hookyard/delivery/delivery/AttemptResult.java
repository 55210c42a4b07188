package io.hookyard.delivery.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happened when one request was sent: the request as sent (credentials redacted) and either a
 * response or the class of failure (refused, timeout, DNS, TLS, blocked address, I/O).
 */
public record AttemptResult(
    OutgoingRequest request,
    Instant startedAt,
    long durationMs,
    Integer status,
    Map<String, List<String>> responseHeaders,
    byte[] responseBody,
    ErrorClass errorClass,
    String errorDetail) {

  /** Why no response came back. */
  public enum ErrorClass {
    CONNECTION_REFUSED,
    TIMEOUT,
    DNS,
    TLS,
    BLOCKED_ADDRESS,
    IO
  }

  /** The first value of a response header (names are lower case), or null. */
  public String responseHeader(String name) {
    if (responseHeaders == null) {
      return null;
    }
    List<String> values = responseHeaders.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
