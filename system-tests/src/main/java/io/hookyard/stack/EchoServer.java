package io.hookyard.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo destination of {@code ./hookyard up}: prints every delivery it receives and says 200.
 */
public final class EchoServer implements AutoCloseable {
  private static final Pattern STATUS_PATH = Pattern.compile("/status/([2-5][0-9][0-9])$");
  private final HttpServer server;

  private EchoServer(HttpServer server) {
    this.server = server;
  }

  public static EchoServer start(int port, PrintStream out) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      server.createContext(
          "/",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            out.printf(
                "%n[echo %s] %s %s webhook-id=%s%n%s%n",
                LocalTime.now().truncatedTo(ChronoUnit.MILLIS),
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                exchange.getRequestHeaders().getFirst("webhook-id"),
                body);
            exchange.sendResponseHeaders(statusAsked(exchange.getRequestURI().getPath()), -1);
            exchange.close();
          });
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return new EchoServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the echo destination on port " + port, e);
    }
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
}
