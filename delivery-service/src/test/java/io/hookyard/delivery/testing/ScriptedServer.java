package io.hookyard.delivery.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP destination on a free loopback port that answers from a script: each request takes
 * the next scripted answer (status, headers, delay), and the last one repeats. It records every
 * request and the most requests it ever had in flight at once.
 */
public final class ScriptedServer implements AutoCloseable {
  /** One scripted answer. */
  public record Answer(int status, Map<String, String> headers, Duration delay) {
    public static Answer status(int status) {
      return new Answer(status, Map.of(), Duration.ZERO);
    }

    public Answer withHeader(String name, String value) {
      Map<String, String> more = new TreeMap<>(headers);
      more.put(name, value);
      return new Answer(status, more, delay);
    }

    public Answer after(Duration wait) {
      return new Answer(status, headers, wait);
    }
  }

  /** One request as it arrived; header names are lower case. */
  public record Received(
      Instant at, String method, String path, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private volatile Answer last = Answer.status(200);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private ScriptedServer(HttpServer server) {
    this.server = server;
  }

  public static ScriptedServer start(Answer... answers) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
      ScriptedServer scripted = new ScriptedServer(http);
      scripted.then(answers);
      http.createContext("/", scripted::handle);
      http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      http.start();
      return scripted;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends answers to the script; the last one given repeats once the script is used up. */
  public ScriptedServer then(Answer... answers) {
    for (Answer answer : answers) {
      script.add(answer);
      last = answer;
    }
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      received.add(
          new Received(
              Instant.now(),
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              headers,
              body));
      Answer answer = script.poll();
      if (answer == null) {
        answer = last;
      }
      if (!answer.delay().isZero()) {
        Thread.sleep(answer.delay().toMillis());
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(answer.status(), -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client gave up (a timeout test); nothing to answer.
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  /** Waits until {@code count} matching requests have arrived, or fails after {@code max}. */
  public List<Received> await(Predicate<Received> filter, int count, Duration max) {
    Instant deadline = Instant.now().plus(max);
    while (Instant.now().isBefore(deadline)) {
      List<Received> matching = received.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError(
        "Expected " + count + " requests within " + max + ", got " + received.size());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
