package io.hookyard.delivery.delivery;

import io.hookyard.common.event.CloudEventJson;
import io.hookyard.delivery.config.DeliveryConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLException;

/** Sends one attempt of a delivery over HTTP and reports what happened, never throwing. */
// Built at boot, so the first delivery does not pay for creating the HTTP client.
@Startup
@ApplicationScoped
public class DeliverySender {
  private static final String USER_AGENT = "Hookyard/0.1 (+webhooks)";

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;
  private final DeliveryConfig config;
  private final Clock clock;

  public DeliverySender(DeliveryConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            // A redirect could lead anywhere, including inside our own network.
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
  }

  public AttemptResult send(Delivery delivery, String url) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of(CloudEventJson.CONTENT_TYPE + "; charset=utf-8"));
    headers.put("user-agent", List.of(USER_AGENT));
    headers.put("webhook-id", List.of(delivery.id));
    Instant started = clock.instant();
    headers.put("webhook-timestamp", List.of(Long.toString(started.getEpochSecond())));
    long startNanos = System.nanoTime();
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(config.requestTimeout())
              .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.event));
      headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] body = readCapped(response.body(), config.maxLoggedResponseBytes());
      return new AttemptResult(
          started,
          elapsedMs(startNanos),
          "POST",
          url,
          headers,
          delivery.event,
          response.statusCode(),
          response.headers().map(),
          body,
          null,
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(started, startNanos, url, headers, delivery, AttemptResult.ErrorClass.IO, e);
    } catch (IOException | IllegalArgumentException e) {
      return failure(started, startNanos, url, headers, delivery, classify(e), e);
    }
  }

  private static AttemptResult failure(
      Instant started,
      long startNanos,
      String url,
      Map<String, List<String>> headers,
      Delivery delivery,
      AttemptResult.ErrorClass errorClass,
      Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new AttemptResult(
        started,
        elapsedMs(startNanos),
        "POST",
        url,
        headers,
        delivery.event,
        null,
        null,
        null,
        errorClass,
        detail);
  }

  static AttemptResult.ErrorClass classify(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      switch (cause) {
        case HttpConnectTimeoutException t -> {
          return AttemptResult.ErrorClass.TIMEOUT;
        }
        case HttpTimeoutException t -> {
          return AttemptResult.ErrorClass.TIMEOUT;
        }
        case ConnectException c -> {
          return AttemptResult.ErrorClass.CONNECTION_REFUSED;
        }
        case UnknownHostException u -> {
          return AttemptResult.ErrorClass.DNS;
        }
        case UnresolvedAddressException u -> {
          return AttemptResult.ErrorClass.DNS;
        }
        case SSLException s -> {
          return AttemptResult.ErrorClass.TLS;
        }
        default -> {}
      }
    }
    return AttemptResult.ErrorClass.IO;
  }

  private static byte[] readCapped(InputStream body, int limit) throws IOException {
    try (body) {
      byte[] kept = body.readNBytes(limit);
      // Drain the rest so the connection can be reused; the log keeps only the first part.
      body.transferTo(java.io.OutputStream.nullOutputStream());
      return kept;
    }
  }

  private static long elapsedMs(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  @PreDestroy
  void close() {
    client.close();
    executor.close();
  }
}
