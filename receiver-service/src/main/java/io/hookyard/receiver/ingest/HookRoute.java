package io.hookyard.receiver.ingest;

import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.vendor.IncomingRequest;
import io.hookyard.receiver.vendor.Reply;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-tenant, per-source webhook URL, {@code /hooks/{tenant}/{source}}, for every method, as a
 * plain Vert.x route: it reads the body on the event loop, hands the request to {@link
 * IngestService} and writes its answer when the group commit completes, without holding a thread.
 *
 * <p>Vendors never use OIDC here: each source authenticates its own requests through its vendor
 * adapter. So the route sits before Quarkus' CORS and authentication filters (orders -300 and -200)
 * and ends every request itself; nothing of the JAX-RS or security machinery runs for it.
 */
@Singleton
public class HookRoute {
  /** After the request guard and Quarkus' own first handlers, before its security filters. */
  static final int ORDER = -1_000;

  static final String PATH = "/hooks/:tenant/:source";

  private final IngestService ingest;
  private final HookResponses responses;
  private final long ceilingBytes;

  public HookRoute(
      IngestService ingest,
      HookResponses responses,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize ceiling) {
    this.ingest = ingest;
    this.responses = responses;
    this.ceilingBytes = ceiling.asLongValue();
  }

  void install(@Observes Router router) {
    router.route(PATH).order(ORDER).handler(this::handle);
  }

  private void handle(RoutingContext context) {
    String tenant = context.pathParam("tenant");
    String source = context.pathParam("source");
    readBody(context, body -> receive(context, tenant, source, body));
  }

  private void receive(RoutingContext context, String tenant, String source, byte[] body) {
    Context eventLoop = context.vertx().getOrCreateContext();
    IncomingRequest request;
    try {
      request = incoming(context.request(), body);
    } catch (RuntimeException e) {
      responses.unexpected(context, e);
      return;
    }
    ingest
        .receive(tenant, source, request)
        .whenComplete(
            (reply, failure) -> eventLoop.runOnContext(done -> answer(context, reply, failure)));
  }

  private void answer(RoutingContext context, Reply reply, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause == null) {
      responses.reply(context, reply);
    } else if (cause instanceof ProblemException problem) {
      responses.problem(context, problem.problem(), problem.headers());
    } else {
      responses.unexpected(context, cause);
    }
  }

  /**
   * Gathers the body up to the global ceiling; a body that grows past it (one sent in chunks,
   * without a length for the guard to refuse) is answered 413 and its connection closed.
   */
  private void readBody(RoutingContext context, Handler<byte[]> then) {
    HttpServerRequest request = context.request();
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    request.handler(
        chunk -> {
          if (refused[0]) {
            return;
          }
          if (body.length() + chunk.length() > ceilingBytes) {
            refused[0] = true;
            responses.problemAndClose(
                context,
                Problem.of(
                    413,
                    "payload-too-large",
                    "Payload too large",
                    "The body is larger than any source accepts (" + ceilingBytes + " bytes)."));
            return;
          }
          body.appendBuffer(chunk);
        });
    request.endHandler(
        ended -> {
          if (!refused[0]) {
            then.handle(body.getBytes());
          }
        });
  }

  private static IncomingRequest incoming(HttpServerRequest request, byte[] body) {
    String rawQuery = request.query();
    return new IncomingRequest(
        request.method().name(),
        lowerCaseNames(request.headers()),
        rawQuery,
        QueryParameters.parse(rawQuery),
        request.getHeader("Content-Type"),
        body);
  }

  private static Map<String, List<String>> lowerCaseNames(MultiMap headers) {
    Map<String, List<String>> lower = new HashMap<>();
    headers.forEach(
        header -> {
          String name = header.getKey().toLowerCase(Locale.ROOT);
          List<String> values = lower.get(name);
          if (values == null) {
            lower.put(name, List.of(header.getValue()));
          } else {
            List<String> more = new ArrayList<>(values);
            more.add(header.getValue());
            lower.put(name, List.copyOf(more));
          }
        });
    return lower;
  }
}
