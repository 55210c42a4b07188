package io.hookyard.delivery.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Removes credentials from the headers an attempt logs, on both the request and the response side,
 * before they are stored. A redacted header stays in the log with a placeholder value, so the
 * reader sees that it was sent. Signatures are kept: they prove nothing without the secret and are
 * what a receiver's owner compares when verification fails on their side.
 */
public final class HeaderRedaction {
  public static final String REDACTED = "[redacted]";
  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final List<String> CREDENTIAL_WORDS =
      List.of("token", "secret", "password", "api-key", "apikey");

  private HeaderRedaction() {}

  /** A copy with lower-case names and credential values replaced; null stays null. */
  public static Map<String, List<String>> redact(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    Map<String, List<String>> copy = new TreeMap<>();
    headers.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          copy.put(lower, isCredential(lower) ? List.of(REDACTED) : withoutNul(values));
        });
    return copy;
  }

  static boolean isCredential(String lowerCaseName) {
    return CREDENTIAL_HEADERS.contains(lowerCaseName)
        || CREDENTIAL_WORDS.stream().anyMatch(lowerCaseName::contains);
  }

  // PostgreSQL jsonb cannot hold NUL; such a character in a header value is dropped.
  private static List<String> withoutNul(List<String> values) {
    return values.stream().map(value -> value.replace("\0", "")).toList();
  }
}
