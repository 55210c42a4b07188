package io.hookyard.receiver.vendor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to a hook URL as it arrived: method, headers (names in lower case), query parameters
 * and the raw body bytes, which signatures are always checked against.
 */
public record IncomingRequest(
    String method,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    String contentType,
    byte[] body) {

  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  public String queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
