package io.hookyard.receiver.vendor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to a hook URL as it arrived: method, headers (names in lower case), the raw query
 * string and its parsed parameters, and the raw body bytes, which signatures are always checked
 * against.
 */
public record IncomingRequest(
    String method,
    Map<String, List<String>> headers,
    String rawQuery,
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

  /** The media type without parameters, in lower case, or an empty string. */
  public String mediaType() {
    return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  public boolean isJson() {
    String mediaType = mediaType();
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
