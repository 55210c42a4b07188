package io.hookyard.receiver.ingest;

import io.hookyard.receiver.source.ActiveSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes credentials from request headers before they are stored: the usual credential headers,
 * the header a source is configured to take its secret in, and any header that carries one of the
 * source's secrets. A redacted header stays in the record, so an admin sees that it was sent.
 */
public final class Redaction {
  public static final String REDACTED = "[redacted]";
  private static final List<String> REDACTED_VALUE = List.of(REDACTED);
  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "x-hookyard-token",
          "x-api-key",
          "x-trmm-token");

  private Redaction() {}

  /**
   * The headers with lower-case names, credentials redacted. Not sorted: they are stored as {@code
   * jsonb}, which keeps an object's keys in an order of its own.
   */
  public static Map<String, List<String>> headers(
      Map<String, List<String>> headers, ActiveSource source) {
    String configured = source.settings().getOrDefault("header", "").toLowerCase(Locale.ROOT);
    Map<String, List<String>> copy = HashMap.newHashMap(headers.size());
    headers.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          boolean secret =
              CREDENTIAL_HEADERS.contains(lower)
                  || lower.equals(configured)
                  || carriesSecret(values, source.secrets());
          copy.put(lower, secret ? REDACTED_VALUE : withoutNul(values));
        });
    return copy;
  }

  // PostgreSQL jsonb cannot hold NUL; such a character in a header value is dropped.
  private static List<String> withoutNul(List<String> values) {
    for (String value : values) {
      if (value.indexOf('\0') >= 0) {
        return values.stream().map(each -> each.replace("\0", "")).toList();
      }
    }
    return values;
  }

  private static boolean carriesSecret(List<String> values, List<String> secrets) {
    for (String value : values) {
      for (String secret : secrets) {
        if (value.contains(secret)) {
          return true;
        }
      }
    }
    return false;
  }
}
