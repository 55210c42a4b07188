package io.hookyard.stack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo destination of {@code ./hookyard up}: prints every request it receives (method, path,
 * headers, body) and answers it.
 *
 * <p>By default the answer is an empty 200. A path ending in {@code /status/<code>} answers that
 * code (a 429 or 503 with {@code Retry-After: 30}). A canned answer for a path is set with {@code
 * PUT /_answers/<path>}: every later request to {@code <path>} gets 200 with that body and its
 * {@code Content-Type}, so the echo can stand in for a vendor API whose response an action reads.
 * {@code DELETE /_answers/<path>} forgets it.
 */
public final class EchoServer implements AutoCloseable {
  static final String ANSWERS = "/_answers";
  static final int RETRY_AFTER_SECONDS = 30;
  private static final Pattern STATUS_PATH = Pattern.compile("/status/([2-5][0-9][0-9])$");
  // Headers every request has; printing them would only bury the ones that tell something.
  private static final Set<String> UNREMARKABLE =
      Set.of("host", "connection", "content-length", "user-agent", "accept", "accept-encoding");
  private final HttpServer server;

  private EchoServer(HttpServer server) {
    this.server = server;
  }

  public static EchoServer start(int port, PrintStream out) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      Map<String, CannedAnswer> answers = new ConcurrentHashMap<>();
      server.createContext(ANSWERS, exchange -> keepAnswer(exchange, answers, out));
      server.createContext("/", exchange -> echo(exchange, answers, out));
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return new EchoServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the echo destination on port " + port, e);
    }
  }

  private static void echo(
      HttpExchange exchange, Map<String, CannedAnswer> answers, PrintStream out)
      throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    out.printf(
        "%n[echo %s] %s %s%n%s%s%n",
        LocalTime.now().truncatedTo(ChronoUnit.MILLIS),
        exchange.getRequestMethod(),
        exchange.getRequestURI(),
        remarkableHeaders(exchange.getRequestHeaders()),
        body);
    String path = exchange.getRequestURI().getPath();
    CannedAnswer canned = answers.get(path);
    if (canned != null) {
      exchange.getResponseHeaders().set("Content-Type", canned.contentType());
      send(exchange, 200, canned.body());
      return;
    }
    int status = statusAsked(path);
    if (status == 429 || status == 503) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
    send(exchange, status, new byte[0]);
  }

  private static void keepAnswer(
      HttpExchange exchange, Map<String, CannedAnswer> answers, PrintStream out)
      throws IOException {
    String path = exchange.getRequestURI().getPath().substring(ANSWERS.length());
    byte[] body = exchange.getRequestBody().readAllBytes();
    switch (exchange.getRequestMethod()) {
      case "PUT" -> {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        answers.put(path, new CannedAnswer(type == null ? "application/json" : type, body));
        out.printf("%n[echo] %s now answers 200 with the %d bytes given%n", path, body.length);
        send(exchange, 204, new byte[0]);
      }
      case "DELETE" -> send(exchange, answers.remove(path) == null ? 404 : 204, new byte[0]);
      default -> {
        exchange.getResponseHeaders().set("Allow", "PUT, DELETE");
        send(exchange, 405, new byte[0]);
      }
    }
  }

  /** The request's headers but the ones every request has, one a line, by lower-case name. */
  static String remarkableHeaders(Headers headers) {
    StringBuilder printed = new StringBuilder();
    Map<String, List<String>> sorted = new TreeMap<>();
    headers.forEach((name, values) -> sorted.put(name.toLowerCase(Locale.ROOT), values));
    sorted.forEach(
        (name, values) -> {
          if (!UNREMARKABLE.contains(name)) {
            values.forEach(
                value -> printed.append("  ").append(name).append(": ").append(value).append('\n'));
          }
        });
    return printed.toString();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  // A path ending in /status/<code> answers that code, so walkthroughs can show failures.
  private static int statusAsked(String path) {
    Matcher asked = STATUS_PATH.matcher(path);
    return asked.find() ? Integer.parseInt(asked.group(1)) : 200;
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/echo";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private record CannedAnswer(String contentType, byte[] body) {}
}
