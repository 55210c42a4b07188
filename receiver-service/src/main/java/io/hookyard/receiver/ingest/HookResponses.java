package io.hookyard.receiver.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.problem.Problem;
import io.hookyard.receiver.vendor.Reply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes the answers of hook URLs straight to Vert.x: a vendor's expected reply, or RFC 9457
 * problem details for anything refused, the same bodies the management API's exception mappers
 * write. Nothing is written to a response that has already ended (a 408 may have answered first).
 */
@Singleton
public class HookResponses {
  private static final Logger LOG = Logger.getLogger(HookResponses.class);
  private static final String CONTENT_TYPE = "Content-Type";

  private final ObjectMapper mapper;
  // By status class, 1xx to 5xx: a counter per answer costs next to nothing, unlike per-URI timers.
  private final Counter[] answers = new Counter[6];

  public HookResponses(ObjectMapper mapper, MeterRegistry registry) {
    this.mapper = mapper;
    for (int statusClass = 1; statusClass <= 5; statusClass++) {
      answers[statusClass] =
          Counter.builder("hookyard.hook.responses")
              .description("Answers of hook URLs, by status class")
              .tag("status", statusClass + "xx")
              .register(registry);
    }
  }

  /** Sends the vendor's expected answer. */
  public void reply(RoutingContext context, Reply reply) {
    HttpServerResponse response = context.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(reply.status());
    count(reply.status());
    if (reply.contentType() == null) {
      response.end();
      return;
    }
    response.putHeader(CONTENT_TYPE, reply.contentType()).end(Buffer.buffer(reply.body()));
  }

  /** Sends problem details with the given extra headers (Allow, Retry-After...). */
  public void problem(RoutingContext context, Problem problem, Map<String, String> headers) {
    HttpServerResponse response = context.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(problem.status()).putHeader(CONTENT_TYPE, Problem.MEDIA_TYPE);
    count(problem.status());
    headers.forEach(response::putHeader);
    response.end(json(problem.withInstance(context.request().path())));
  }

  /** Sends problem details and closes the connection once they are written. */
  public void problemAndClose(RoutingContext context, Problem problem) {
    HttpServerResponse response = context.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.putHeader("Connection", "close");
    problem(context, problem, Map.of());
  }

  /**
   * A failure nobody planned for: 500 with an error id to quote, the cause only in the log, as the
   * management API does.
   */
  public void unexpected(RoutingContext context, Throwable failure) {
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(failure, "Unexpected failure %s on %s", errorId, context.request().path());
    problem(
        context,
        Problem.of(
                500,
                "internal-error",
                "Internal server error",
                "Something went wrong on our side. Quote the error id when you report it.")
            .withErrorId(errorId),
        Map.of());
  }

  private void count(int status) {
    int statusClass = status / 100;
    if (statusClass >= 1 && statusClass <= 5) {
      answers[statusClass].increment();
    }
  }

  private String json(Problem problem) {
    try {
      return mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      return "{\"status\":" + problem.status() + "}";
    }
  }
}
