package io.hookyard.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A destination for benchmarks that does as little as it can: it reads each request, counts it and
 * answers 204 on a loopback port.
 */
public final class FastSink implements AutoCloseable {
  private final HttpServer server;
  private final AtomicLong received = new AtomicLong();

  private FastSink(HttpServer server) {
    this.server = server;
  }

  public static FastSink start() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      FastSink sink = new FastSink(http);
      http.createContext("/", sink::handle);
      http.setExecutor(Executors.newFixedThreadPool(4));
      http.start();
      return sink;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.transferTo(java.io.OutputStream.nullOutputStream());
    }
    received.incrementAndGet();
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  public long received() {
    return received.get();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/sink";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
