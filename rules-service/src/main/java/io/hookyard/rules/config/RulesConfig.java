package io.hookyard.rules.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything rules-service can be told, under {@code hookyard.rules}. */
@ConfigMapping(prefix = "hookyard.rules")
public interface RulesConfig {

  /** How matched deliveries are handed to delivery-service. */
  Outbox outbox();

  interface Outbox {
    /** Delivery requests per call to delivery-service. */
    @WithDefault("200")
    int batchSize();

    /** How often the relay looks for due requests when nothing signals it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The first wait after a failed hand-over; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The longest wait between two tries of one request. */
    @WithDefault("10s")
    Duration maxBackoff();
  }
}
