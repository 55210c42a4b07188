package io.hookyard.receiver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything the receiver can be told, under {@code hookyard.receiver}. */
@ConfigMapping(prefix = "hookyard.receiver")
public interface ReceiverConfig {

  /** The public base URL vendors reach the receiver at; source URLs are built from it. */
  @WithDefault("http://localhost:8081")
  String publicUrl();

  /** The largest body a new source accepts unless told otherwise, in bytes. */
  @WithDefault("1048576")
  int defaultMaxBodyBytes();

  /** How long a source and its secrets are cached on the ingest path. */
  @WithDefault("2s")
  Duration sourceCacheTime();

  /** Requests per second a source accepts unless it says otherwise; 0 means no limit. */
  @WithDefault("500")
  int defaultRateLimit();

  /** How long a request may take to send its body before it is answered 408. */
  @WithDefault("10s")
  Duration bodyTimeout();

  /**
   * The most bytes of headers (names and values) a request may have; more is answered 431 with
   * problem details. It must stay below {@code quarkus.http.limits.max-header-size}, which the HTTP
   * server enforces itself, before any handler runs, with a bare 431.
   */
  @WithDefault("16384")
  int maxHeaderBytes();

  /** How long the request log keeps its entries. */
  @WithDefault("7d")
  Duration requestLogRetention();

  /** How concurrent requests share commits. */
  GroupCommit groupCommit();

  interface GroupCommit {
    /**
     * Writer threads; while some insert and wait for their commit, one gathers the next batch (ADR
     * 46; ADR 44: four took 24 % more events per second than two on two cores).
     */
    @WithDefault("4")
    int writers();

    /** The most writes in one transaction. */
    @WithDefault("500")
    int maxBatch();

    /** How long a writer waits for more writes once it has one. */
    @WithDefault("1ms")
    Duration maxWait();

    /** How long a request waits for its commit before it answers 503. */
    @WithDefault("10s")
    Duration commitTimeout();
  }

  /** How the outbox hands accepted events to rules-service. */
  Outbox outbox();

  interface Outbox {
    /** Events per request to rules-service. */
    @WithDefault("200")
    int batchSize();

    /** How often the relay looks for due events when nothing signals it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The first wait after a failed hand-over; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The longest wait between two tries of one event. */
    @WithDefault("10s")
    Duration maxBackoff();
  }
}
