package io.hookyard.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Everything delivery-service can be told, under {@code hookyard.delivery}. */
@ConfigMapping(prefix = "hookyard.delivery")
public interface DeliveryConfig {

  /** How the workers take deliveries from the queue. */
  Worker worker();

  /** The waits before each attempt: the first is before attempt 1, and so on. */
  @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
  List<Duration> retrySchedule();

  /** Each wait is varied at random by up to this fraction either way. */
  @WithDefault("0.2")
  double jitter();

  /** How long a destination has to answer one attempt. */
  @WithDefault("15s")
  Duration requestTimeout();

  /** How much of a response body the log keeps, in bytes. */
  @WithDefault("65536")
  int maxLoggedResponseBytes();

  interface Worker {
    /** Deliveries claimed per round. */
    @WithDefault("100")
    int batchSize();

    /** Attempts in flight at once per instance. */
    @WithDefault("64")
    int concurrency();

    /** How often a worker looks for due deliveries when nothing signals it. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a claimed delivery stays with the worker that claimed it. A worker that dies lets it
     * go when the lease runs out, and another one picks it up.
     */
    @WithDefault("60s")
    Duration lease();
  }
}
