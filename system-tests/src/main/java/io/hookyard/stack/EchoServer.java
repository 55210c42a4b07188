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

/**
 * The demo destination of {@code ./hookyard up}: prints every delivery it receives and says 200.
 */
public final class EchoServer implements AutoCloseable {
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
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return new EchoServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the echo destination on port " + port, e);
    }
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/echo";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
