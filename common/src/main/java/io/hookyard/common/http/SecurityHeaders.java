package io.hookyard.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every HTTP answer of every service, including the webhook URLs, which are
 * plain Vert.x routes: nothing Hookyard serves is meant to be framed, sniffed, cached or to leak a
 * referrer. HSTS is the ingress's job, where TLS ends (see docs/security.md).
 */
@ApplicationScoped
public class SecurityHeaders {
  // Runs before every other filter, so that even an early refusal carries the headers.
  private static final int PRIORITY = 1000;

  void register(@Observes Filters filters) {
    filters.register(
        context -> {
          context.addHeadersEndHandler(ignored -> apply(context.response().headers()));
          context.next();
        },
        PRIORITY);
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
