package io.hookyard.common.testing;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP server on a free loopback port that records every request and answers with a status
 * the test chooses. It stands in for destinations, sinks and peer services.
 */
public final class RecordingServer implements AutoCloseable {
  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final List<Recorded> refused = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile Duration answerDelay = Duration.ZERO;
  private final List<Map.Entry<Predicate<Recorded>, Answer>> exceptions =
      new CopyOnWriteArrayList<>();

  /**
   * A scripted answer: a status, a JSON body when not null, extra response headers, and how many
   * more times it may be given (negative: always).
   */
  private record Answer(
      int status,
      String json,
      Map<String, String> headers,
      java.util.concurrent.atomic.AtomicInteger remaining) {
    Answer(int status, String json) {
      this(status, json, Map.of(), new java.util.concurrent.atomic.AtomicInteger(-1));
    }

    /** Takes one use of the answer; false when it is used up. */
    boolean take() {
      return remaining.get() < 0 || remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
    }
  }

  /** One request as it arrived; header names are lower case. */
  public record Recorded(
      Instant at, String method, String path, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private RecordingServer(HttpServer server) {
    this.server = server;
  }

  public static RecordingServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
      RecordingServer recording = new RecordingServer(server);
      server.createContext("/", recording::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return recording;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    Recorded recorded =
        new Recorded(
            Instant.now(),
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            headers,
            body);
    Answer answer =
        exceptions.stream()
            .filter(exception -> exception.getKey().test(recorded))
            .map(Map.Entry::getValue)
            .filter(Answer::take)
            .findFirst()
            .orElse(new Answer(status, null));
    (answer.status() < 300 ? requests : refused).add(recorded);
    pauseBeforeAnswering();
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    if (answer.json() == null) {
      exchange.sendResponseHeaders(answer.status(), -1);
    } else {
      byte[] json = answer.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), json.length);
      exchange.getResponseBody().write(json);
    }
    exchange.close();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * From now on, answer every request with {@code status}. Requests answered 2xx are listed by
   * {@link #requests()}, the others by {@link #refused()}.
   */
  public void answerWith(int status) {
    this.status = status;
  }

  /** From now on, every request is recorded at once but answered only after {@code delay}. */
  public void answerAfter(Duration delay) {
    this.answerDelay = delay;
  }

  private void pauseBeforeAnswering() {
    try {
      Thread.sleep(answerDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Answers requests that match {@code when} with {@code status}, whatever the default is. */
  public void answerWith(Predicate<Recorded> when, int status) {
    exceptions.add(Map.entry(when, new Answer(status, null)));
  }

  /** Answers requests that match {@code when} with {@code status} and a JSON body. */
  public void answerWith(Predicate<Recorded> when, int status, String json) {
    exceptions.add(Map.entry(when, new Answer(status, json)));
  }

  /**
   * Answers the next {@code times} requests that match {@code when} with {@code status}, the
   * response headers and a JSON body (or none when null); after that, the other answers apply.
   * Checked before the answers given by the other methods that were added later.
   */
  public void answerTimes(
      Predicate<Recorded> when, int times, int status, Map<String, String> headers, String json) {
    exceptions.add(
        Map.entry(
            when,
            new Answer(
                status,
                json,
                Map.copyOf(headers),
                new java.util.concurrent.atomic.AtomicInteger(times))));
  }

  /** Every request that arrived, whatever it was answered, in arrival order. */
  public List<Recorded> all() {
    List<Recorded> all = new ArrayList<>(requests);
    all.addAll(refused);
    all.sort(java.util.Comparator.comparing(Recorded::at));
    return all;
  }

  public List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  public List<Recorded> refused() {
    return new ArrayList<>(refused);
  }

  public List<Recorded> requests(Predicate<Recorded> filter) {
    return requests.stream().filter(filter).toList();
  }

  public void clear() {
    requests.clear();
    refused.clear();
  }

  /** Waits until {@code count} matching requests have been recorded, or fails after {@code max}. */
  public List<Recorded> await(Predicate<Recorded> filter, int count, Duration max) {
    Instant deadline = Instant.now().plus(max);
    while (Instant.now().isBefore(deadline)) {
      List<Recorded> matching = requests(filter);
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
        "Expected " + count + " requests within " + max + ", got " + requests(filter).size());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
