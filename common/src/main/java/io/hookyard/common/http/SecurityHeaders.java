package io.hookyard.common.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every HTTP answer of every service, including the webhook URLs, which are
 * plain Vert.x routes: nothing Hookyard serves is meant to be framed, sniffed, cached or to leak a
 * referrer. HSTS is the ingress's job, where TLS ends (see docs/security.md).
 */
@ApplicationScoped
public class SecurityHeaders {
  // Before every other route, the webhook route and its guard included (they run before Quarkus'
  // own filters), so that even the earliest refusal carries the headers.
  private static final int ORDER = Integer.MIN_VALUE + 1;

  void install(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            context -> {
              context.addHeadersEndHandler(ignored -> apply(context.response().headers()));
              context.next();
            });
  }

  static void apply(MultiMap headers) {
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    headers.set("Referrer-Policy", "no-referrer");
    if (!headers.contains("Cache-Control")) {
      headers.set("Cache-Control", "no-store");
    }
  }
}
