package io.hookyard.delivery.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one send produced. {@code status} is null when no response came back, and then {@code
 * errorClass} says why (connection refused, timeout, DNS, TLS, I/O).
 */
public record AttemptResult(
    Instant startedAt,
    long durationMs,
    String method,
    String url,
    Map<String, List<String>> requestHeaders,
    byte[] requestBody,
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
    IO
  }

  public boolean succeeded() {
    return status != null && status >= 200 && status < 300;
  }
}
