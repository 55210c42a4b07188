package io.hookyard.common.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Size and rate limits for the management API. A declared body over the limit is refused before it
 * is read (413); each caller (the token's subject, or the client address without a token) has a
 * Bucket4j bucket per replica, and a caller over its rate gets 429 with {@code Retry-After}.
 * Webhook URLs and internal endpoints have limits of their own and are not counted here.
 */
@Singleton
public class ManagementApiLimits {
  private static final int MAX_CALLERS = 10_000;

  // Filters are created at static init, before runtime configuration exists: read it when used.
  private final Instance<ManagementApiConfig> config;
  private final CurrentIdentityAssociation identities;
  private final Map<String, Bucket> buckets =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
              return size() > MAX_CALLERS;
            }
          });

  public ManagementApiLimits(
      Instance<ManagementApiConfig> config, CurrentIdentityAssociation identities) {
    this.config = config;
    this.identities = identities;
  }

  @ServerRequestFilter(preMatching = true)
  public void limitBodySize(ContainerRequestContext request) {
    if (!isManagementApi(request)) {
      return;
    }
    String length = request.getHeaderString("Content-Length");
    if (length != null && parse(length) > config.get().maxBodySize()) {
      throw ProblemException.payloadTooLarge(config.get().maxBodySize());
    }
  }

  @ServerRequestFilter
  public Uni<Void> limitRate(ContainerRequestContext request, HttpServerRequest http) {
    if (!isManagementApi(request)) {
      return Uni.createFrom().voidItem();
    }
    String address = http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress();
    return identities
        .getDeferredIdentity()
        .onItem()
        .transformToUni(
            identity -> {
              String caller =
                  identity.isAnonymous()
                      ? "address:" + address
                      : "subject:" + identity.getPrincipal().getName();
              ConsumptionProbe probe =
                  buckets
                      .computeIfAbsent(caller, key -> newBucket())
                      .tryConsumeAndReturnRemaining(1);
              if (probe.isConsumed()) {
                return Uni.createFrom().voidItem();
              }
              long seconds =
                  Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
              return Uni.createFrom().failure(tooManyRequests(seconds));
            });
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(config.get().burst())
                .refillGreedy(config.get().requestsPerMinute(), Duration.ofMinutes(1))
                .build())
        .build();
  }

  private static ProblemException tooManyRequests(long retryAfterSeconds) {
    return new ProblemException(
        Problem.of(
            429,
            "rate-limited",
            "Too many requests",
            "You are calling this API too fast; try again after the time in Retry-After."),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  private static boolean isManagementApi(ContainerRequestContext request) {
    return request.getUriInfo().getPath().startsWith("/api/");
  }

  private static long parse(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(
          "invalid-content-length", "Content-Length is not a number.");
    }
  }
}
