package io.hookyard.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A small client of the management APIs of the three services, with one user's token. */
public final class ManagementClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final HookyardStack stack;
  private final String token;

  ManagementClient(HookyardStack stack, String token) {
    this.stack = stack;
    this.token = token;
  }

  public String token() {
    return token;
  }

  /** Creates a generic source; the answer holds its URL and its one-time secret. */
  public JsonNode createSource(String tenant, String name) {
    return createSource(tenant, name, Map.of());
  }

  /** Creates a source with more fields (vendor, secret, settings...) than its name. */
  public JsonNode createSource(String tenant, String name, Map<String, Object> fields) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
    body.put("name", name);
    return post(HookyardService.RECEIVER, "/api/v1/tenants/" + tenant + "/sources", body);
  }

  public JsonNode createDestination(String tenant, String name, String url) {
    return post(
        HookyardService.DELIVERY,
        "/api/v1/tenants/" + tenant + "/destinations",
        Map.of("name", name, "url", url));
  }

  public JsonNode createSubscription(
      String tenant, String name, List<String> eventTypes, String destinationId) {
    return createSubscription(tenant, name, eventTypes, destinationId, null);
  }

  /** A subscription with a filter; a null filter lets every event of its types through. */
  public JsonNode createSubscription(
      String tenant, String name, List<String> eventTypes, String destinationId, String filter) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", name);
    body.put("eventTypes", eventTypes);
    body.put("destinationId", destinationId);
    if (filter != null) {
      body.put("filter", filter);
    }
    return post(HookyardService.RULES, "/api/v1/tenants/" + tenant + "/subscriptions", body);
  }

  /** A subscription with any fields of the subscriptions API (sources, action...). */
  public JsonNode createSubscription(String tenant, Map<String, Object> subscription) {
    return post(
        HookyardService.RULES, "/api/v1/tenants/" + tenant + "/subscriptions", subscription);
  }

  /** One page of the delivery log, filtered by the given query parameters. */
  public JsonNode deliveries(String tenant, Map<String, String> query) {
    String parameters =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return get(
        HookyardService.DELIVERY,
        "/api/v1/tenants/"
            + tenant
            + "/deliveries"
            + (parameters.isEmpty() ? "" : "?" + parameters));
  }

  public JsonNode delivery(String tenant, String id) {
    return get(HookyardService.DELIVERY, "/api/v1/tenants/" + tenant + "/deliveries/" + id);
  }

  /** Any management call, answered as it came back (status and body), for negative tests. */
  public HttpResponse<String> call(
      HookyardService service, String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.url(service) + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return send(request.build());
  }

  private JsonNode post(HookyardService service, String path, Object body) {
    try {
      HttpResponse<String> response = call(service, "POST", path, JSON.writeValueAsString(body));
      return expect(response, 201);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode get(HookyardService service, String path) {
    return expect(call(service, "GET", path, null), 200);
  }

  private static JsonNode expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POSTs a JSON event to a hook URL with a source token, as a vendor would. */
  public static HttpResponse<String> postEvent(String hookUrl, String sourceToken, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(hookUrl))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + sourceToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }
}
