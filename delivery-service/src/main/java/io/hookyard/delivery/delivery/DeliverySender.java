package io.hookyard.delivery.delivery;

import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.egress.AddressPolicy;
import io.hookyard.delivery.egress.BlockedAddressException;
import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Sends one request and reports what happened, never throwing. Before anything is written on a
 * connection, the address it actually reached is checked against the {@link AddressPolicy}, so a
 * name that resolved to a public address when the destination was saved cannot be turned to an
 * internal one later (DNS rebinding). Redirects are not followed: a redirect could lead anywhere.
 */
// Built at boot, so the first delivery does not pay for creating the HTTP client.
@Startup
@ApplicationScoped
public class DeliverySender {
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client;
  private final AddressPolicy policy;
  private final DeliveryConfig config;
  private final Clock clock;

  /** A response as received, the body cut to what the log keeps. */
  private record Received(int status, Map<String, List<String>> headers, byte[] body) {}

  public DeliverySender(Vertx vertx, AddressPolicy policy, DeliveryConfig config, Clock clock) {
    this.policy = policy;
    this.config = config;
    this.clock = clock;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setName("hookyard-delivery")
                .setMaxPoolSize(config.worker().connectionsPerDestination())
                .setKeepAlive(true)
                .setConnectTimeout((int) MAX_CONNECT_TIMEOUT.toMillis())
                .setForceSni(true)
                .setVerifyHost(true));
  }

  public AttemptResult send(OutgoingRequest request, Duration timeout) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
    CompletableFuture<Received> exchange =
        exchange(request, timeout, inFlight).toCompletionStage().toCompletableFuture();
    try {
      Received received = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new AttemptResult(
          request,
          started,
          elapsedMs(startNanos),
          received.status(),
          received.headers(),
          received.body(),
          null,
          null);
    } catch (TimeoutException e) {
      HttpClientRequest pending = inFlight.get();
      if (pending != null) {
        pending.reset();
      }
      return failure(
          request, started, startNanos, AttemptResult.ErrorClass.TIMEOUT, timeoutText(timeout));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return failure(request, started, startNanos, classify(cause), describe(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(request, started, startNanos, AttemptResult.ErrorClass.IO, "interrupted");
    } catch (RuntimeException e) {
      return failure(request, started, startNanos, classify(e), describe(e));
    }
  }

  private Future<Received> exchange(
      OutgoingRequest request, Duration timeout, AtomicReference<HttpClientRequest> inFlight) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(request.method()))
            .setAbsoluteURI(request.url())
            .setFollowRedirects(false)
            .setConnectTimeout(Math.min(timeout.toMillis(), MAX_CONNECT_TIMEOUT.toMillis()))
            .setIdleTimeout(timeout.toMillis());
    return client
        .request(options)
        .compose(
            outgoing -> {
              inFlight.set(outgoing);
              BlockedAddressException blocked = blockedPeer(outgoing);
              if (blocked != null) {
                outgoing.reset();
                return Future.failedFuture(blocked);
              }
              request.headers().forEach((name, values) -> outgoing.putHeader(name, values));
              return outgoing.send(Buffer.buffer(request.body())).compose(this::read);
            });
  }

  /** The refusal of the address this request's connection reached, or null when it is allowed. */
  private BlockedAddressException blockedPeer(HttpClientRequest outgoing) {
    SocketAddress peer = outgoing.connection().remoteAddress();
    String ip = peer == null ? null : peer.hostAddress();
    if (ip == null || ip.isEmpty()) {
      return new BlockedAddressException("The address of the destination is not known.");
    }
    try {
      return policy
          .refusal(InetAddress.getByName(ip))
          .map(BlockedAddressException::new)
          .orElse(null);
    } catch (UnknownHostException e) {
      return new BlockedAddressException("The destination's address " + ip + " is not valid.");
    }
  }

  private Future<Received> read(HttpClientResponse response) {
    Promise<Received> done = Promise.promise();
    int limit = config.maxLoggedResponseBytes();
    Buffer kept = Buffer.buffer();
    response.handler(
        chunk -> {
          // The log keeps only the first part; the rest is read and dropped, so the connection
          // can be reused.
          int room = limit - kept.length();
          if (room > 0) {
            kept.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
          }
        });
    response.exceptionHandler(done::tryFail);
    response.endHandler(
        ignored ->
            done.tryComplete(
                new Received(response.statusCode(), headers(response.headers()), kept.getBytes())));
    return done.future();
  }

  private static Map<String, List<String>> headers(MultiMap multiMap) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : multiMap.names()) {
      headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(multiMap.getAll(name)));
    }
    return headers;
  }

  public static AttemptResult.ErrorClass classify(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      AttemptResult.ErrorClass found = classifyOne(cause);
      if (found != null) {
        return found;
      }
    }
    return AttemptResult.ErrorClass.IO;
  }

  private static AttemptResult.ErrorClass classifyOne(Throwable cause) {
    String name = cause.getClass().getName();
    if (cause instanceof BlockedAddressException) {
      return AttemptResult.ErrorClass.BLOCKED_ADDRESS;
    }
    // Netty's connect timeout is a ConnectException, so it is looked at first.
    if (cause instanceof TimeoutException || name.contains("Timeout")) {
      return AttemptResult.ErrorClass.TIMEOUT;
    }
    if (cause instanceof ConnectException) {
      return AttemptResult.ErrorClass.CONNECTION_REFUSED;
    }
    if (cause instanceof UnknownHostException || name.contains("DnsNameResolver")) {
      return AttemptResult.ErrorClass.DNS;
    }
    if (cause instanceof SSLException || name.contains("Ssl") || name.contains("SSL")) {
      return AttemptResult.ErrorClass.TLS;
    }
    return null;
  }

  private static AttemptResult failure(
      OutgoingRequest request,
      Instant started,
      long startNanos,
      AttemptResult.ErrorClass errorClass,
      String detail) {
    return new AttemptResult(
        request, started, elapsedMs(startNanos), null, null, null, errorClass, detail);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static String timeoutText(Duration timeout) {
    return "No complete answer within " + timeout.toMillis() + " ms.";
  }

  private static long elapsedMs(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
