package io.hookyard.receiver.vendor;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What an adapter needs to verify a request of one source.
 *
 * @param secrets the source's secrets that verify now, newest first; during a rotation's overlap
 *     window there are two, and a request verified by either is genuine
 * @param settings the source's vendor-specific settings (a header name, an HMAC algorithm...)
 * @param clock the clock timestamp checks read
 * @param requestUrl the full public URL the vendor called, query included, for vendors that sign it
 */
public record VerificationContext(
    List<String> secrets, Map<String, String> settings, Clock clock, String requestUrl) {

  public String setting(String name, String fallback) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
