package io.hookyard.receiver.ingest;

import io.hookyard.common.problem.Problem;
import io.hookyard.receiver.config.ReceiverConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards hook URLs before a body is read: a declared length over the ceiling is refused at once
 * (413), and a body that has not fully arrived within the body timeout is answered 408 and its
 * connection closed, so a sender trickling bytes cannot hold a connection and a worker. Headers
 * over the receiver's limit are refused (431) on every path. All answers are problem details, like
 * every other error.
 *
 * <p>The header check runs here rather than in the HTTP server because the server's own limit
 * ({@code quarkus.http.limits.max-header-size}) is enforced by the HTTP decoder before any route
 * exists for the request, and Quarkus offers no hook for that answer: it is a 431 with no body. So
 * the server's limit is set well above ours, and only headers past it get that bare answer.
 */
@Singleton
public class HookRequestGuard {
  private final HookResponses responses;
  private final HookRejections rejections;
  private final ReceiverConfig config;
  private final long ceilingBytes;

  public HookRequestGuard(
      HookResponses responses,
      HookRejections rejections,
      ReceiverConfig config,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size")
          io.quarkus.runtime.configuration.MemorySize ceiling) {
    this.responses = responses;
    this.rejections = rejections;
    this.config = config;
    this.ceilingBytes = ceiling.asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::limitHeaders);
    router.route("/hooks/*").order(Integer.MIN_VALUE + 1).handler(this::guard);
  }

  private void limitHeaders(RoutingContext context) {
    long size = 0;
    for (var header : context.request().headers()) {
      // As on the wire: name, ": ", value, CRLF.
      size += header.getKey().length() + header.getValue().length() + 4;
    }
    if (size > config.maxHeaderBytes()) {
      responses.problemAndClose(
          context,
          Problem.of(
              431,
              "header-fields-too-large",
              "Request header fields too large",
              "The headers take "
                  + size
                  + " bytes; at most "
                  + config.maxHeaderBytes()
                  + " are accepted."));
      return;
    }
    context.next();
  }

  private void guard(RoutingContext context) {
    String declared = context.request().getHeader("Content-Length");
    if (declared != null && exceedsCeiling(declared)) {
      rejections.rejected(413);
      responses.problemAndClose(
          context,
          Problem.of(
              413,
              "payload-too-large",
              "Payload too large",
              "The body is larger than any source accepts (" + ceilingBytes + " bytes)."));
      return;
    }
    long timer =
        context
            .vertx()
            .setTimer(
                config.bodyTimeout().toMillis(),
                id -> {
                  if (!context.request().isEnded() && !context.response().ended()) {
                    rejections.rejected(408);
                    responses.problemAndClose(
                        context,
                        Problem.of(
                            408,
                            "body-timeout",
                            "Request timeout",
                            "The body did not arrive within " + config.bodyTimeout() + "."));
                    context.request().connection().close();
                  }
                });
    context.addEndHandler(done -> context.vertx().cancelTimer(timer));
    context.next();
  }

  private boolean exceedsCeiling(String declared) {
    try {
      return Long.parseLong(declared.trim()) > ceilingBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
