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

  /** How replays are bounded. */
  Replay replay();

  /** How long the delivery log keeps finished deliveries. */
  Retention retention();

  interface Replay {
    /**
     * The most deliveries one replay by filter may queue. A filter that matches more is refused, so
     * that one request cannot hold locks on a huge part of the log; narrow the time range.
     */
    @WithDefault("10000")
    int maxDeliveries();
  }

  interface Retention {
    /**
     * Finished deliveries (succeeded or dead) and their attempts are dropped this long after they
     * finished; replay records this long after they were made. Unfinished deliveries are kept.
     */
    @WithDefault("30d")
    Duration maxAge();

    /** Deliveries dropped per transaction. */
    @WithDefault("1000")
    int batchSize();

    /** How often the retention job runs. */
    @WithDefault("1h")
    Duration interval();

    /** How long after start-up the retention job first runs. */
    @WithDefault("1m")
    Duration startDelay();
  }

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
