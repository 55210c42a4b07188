package io.hookyard.receiver.ingest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.source.ActiveSource;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per source (requests per second, from the source's {@code rateLimit} setting or
 * the default), with a burst of twice the rate. Buckets live in each replica, so the limit a vendor
 * sees is per replica; that keeps the ingest path free of shared state.
 */
@Singleton
public class SourceRateLimiter {
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final ReceiverConfig config;

  public SourceRateLimiter(ReceiverConfig config) {
    this.config = config;
  }

  /** Empty when the request may go on; otherwise the seconds to wait before trying again. */
  public OptionalLong tryAcquire(ActiveSource source) {
    int perSecond = rateOf(source);
    if (perSecond <= 0) {
      return OptionalLong.empty();
    }
    Bucket bucket =
        buckets.computeIfAbsent(source.id() + "@" + perSecond, key -> newBucket(perSecond));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long seconds = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds();
    return OptionalLong.of(Math.max(1, seconds + 1));
  }

  private int rateOf(ActiveSource source) {
    String configured = source.settings().get("rateLimit");
    if (configured == null) {
      return config.defaultRateLimit();
    }
    try {
      return Integer.parseInt(configured.trim());
    } catch (NumberFormatException e) {
      return config.defaultRateLimit();
    }
  }

  private static Bucket newBucket(int perSecond) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perSecond * 2L)
                .refillGreedy(perSecond, Duration.ofSeconds(1))
                .build())
        .build();
  }
}
