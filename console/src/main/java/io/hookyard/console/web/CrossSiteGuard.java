package io.hookyard.console.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses state-changing requests that a browser says come from another site: the console's CSRF
 * protection. Browsers mark every request with {@code Sec-Fetch-Site}; older ones at least send
 * {@code Origin} on a POST. A form on another site therefore can never act with the user's session,
 * and no token has to travel in forms or be shared between replicas.
 */
public class CrossSiteGuard {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @ServerRequestFilter
  public Response refuseCrossSite(HttpServerRequest request) {
    if (SAFE_METHODS.contains(request.method().name())) {
      return null;
    }
    if (allowed(
        request.getHeader("Sec-Fetch-Site"),
        request.getHeader("Origin"),
        request.authority() == null ? request.getHeader("Host") : request.authority().toString())) {
      return null;
    }
    return Response.status(403)
        .type(MediaType.TEXT_PLAIN_TYPE)
        .entity("Refused: this request came from another site.")
        .build();
  }

  /**
   * Same origin, or typed by the user ({@code none}); without fetch metadata, an {@code Origin}
   * that names this host; without either, not a cross-site browser request.
   */
  static boolean allowed(String fetchSite, String origin, String host) {
    if (fetchSite != null) {
      return fetchSite.equals("same-origin") || fetchSite.equals("none");
    }
    if (origin == null) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
