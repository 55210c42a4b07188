package io.hookyard.receiver.vendor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds requests and verification contexts for vendor adapter tests. */
public final class TestRequests {
  private final String method;
  private final Map<String, List<String>> headers = new TreeMap<>();
  private String rawQuery;
  private String contentType = "application/json";
  private byte[] body = new byte[0];

  private TestRequests(String method) {
    this.method = method;
  }

  public static TestRequests post(String body) {
    return new TestRequests("POST").body(body);
  }

  public static TestRequests get() {
    return new TestRequests("GET").contentType(null);
  }

  public static TestRequests method(String method) {
    return new TestRequests(method);
  }

  public TestRequests body(String text) {
    this.body = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  public TestRequests body(byte[] bytes) {
    this.body = bytes;
    return this;
  }

  public TestRequests header(String name, String value) {
    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
    return this;
  }

  public TestRequests contentType(String contentType) {
    this.contentType = contentType;
    return this;
  }

  /** The query string, raw (still URL-encoded), without the {@code ?}. */
  public TestRequests query(String rawQuery) {
    this.rawQuery = rawQuery;
    return this;
  }

  public IncomingRequest build() {
    Map<String, List<String>> allHeaders = new TreeMap<>(headers);
    if (contentType != null) {
      allHeaders.put("content-type", List.of(contentType));
    }
    return new IncomingRequest(method, allHeaders, rawQuery, parse(rawQuery), contentType, body);
  }

  private static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      String[] parts = pair.split("=", 2);
      String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      String value = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /** A context with these secrets, newest first, and a clock stopped at {@code now}. */
  public static VerificationContext context(Instant now, String... secrets) {
    return context(now, Map.of(), "https://hooks.example.com/hooks/acme/src", secrets);
  }

  public static VerificationContext context(
      Instant now, Map<String, String> settings, String requestUrl, String... secrets) {
    return new VerificationContext(
        List.of(secrets), settings, Clock.fixed(now, ZoneOffset.UTC), requestUrl);
  }
}
