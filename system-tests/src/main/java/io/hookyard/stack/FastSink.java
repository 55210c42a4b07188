package io.hookyard.stack;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A destination for benchmarks that does as little as it can: it reads each request to its end,
 * counts it and answers 204 on a loopback port. One Vert.x event loop, so that on a two-core
 * machine the sink takes as little as possible of the CPU the service under test needs (the JDK's
 * {@code HttpServer}, used before, cost several times more per request).
 */
public final class FastSink implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;
  private final AtomicLong received = new AtomicLong();

  private FastSink(Vertx vertx) {
    this.vertx = vertx;
    this.server =
        vertx
            .createHttpServer(
                new HttpServerOptions().setHost("127.0.0.1").setPort(0).setAcceptBacklog(1024))
            .requestHandler(this::handle);
  }

  public static FastSink start() {
    FastSink sink = new FastSink(Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1)));
    sink.server.listen().toCompletionStage().toCompletableFuture().join();
    return sink;
  }

  private void handle(HttpServerRequest request) {
    request
        .end()
        .onComplete(
            read -> {
              received.incrementAndGet();
              request.response().setStatusCode(204).end();
            });
  }

  public long received() {
    return received.get();
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/sink";
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
