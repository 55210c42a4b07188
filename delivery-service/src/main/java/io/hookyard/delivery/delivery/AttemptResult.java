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
    IO,
    /** A template of the step could not be rendered: nothing was sent. */
    RENDER,
    /** A credential could not be applied (its token endpoint failed): nothing was sent. */
    CREDENTIAL,
    /** No channel can send the step (e-mail is not configured): nothing was sent. */
    NOT_SENDABLE;

    /** Whether the failure says something about the destination (and so counts for its health). */
    public boolean blamesDestination() {
      return this != RENDER && this != CREDENTIAL && this != NOT_SENDABLE;
    }
  }

  /** Whether the attempt counts for the destination's health: it was sent, or failed on the way. */
  public boolean reachedForDestination() {
    return errorClass == null || errorClass.blamesDestination();
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
