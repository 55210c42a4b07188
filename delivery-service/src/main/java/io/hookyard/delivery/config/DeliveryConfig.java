package io.hookyard.delivery.config;

import io.hookyard.delivery.mail.TlsMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Everything delivery-service can be told, under {@code hookyard.delivery}. */
@ConfigMapping(prefix = "hookyard.delivery")
public interface DeliveryConfig {

  /** How the workers take deliveries from the queue. */
  Worker worker();

  /** How failing destinations are treated. */
  Circuit circuit();

  /** Which network addresses destinations may reach. */
  Egress egress();

  /**
   * The waits before each attempt: the first is before attempt 1, and so on. A destination may have
   * its own.
   */
  @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
  List<Duration> retrySchedule();

  /** Each wait is varied at random by up to this fraction either way. */
  @WithDefault("0.2")
  double jitter();

  /** How long a destination has to answer one attempt, unless it sets its own timeout. */
  @WithDefault("15s")
  Duration requestTimeout();

  /** The longest wait a destination's {@code Retry-After} may ask for; longer asks are capped. */
  @WithDefault("1h")
  Duration retryAfterMax();

  /** After a 429, a 503 or a timeout, the scheduled wait is multiplied by this. */
  @WithDefault("2")
  double penaltyFactor();

  /** How much of a response body the log keeps, in bytes. */
  @WithDefault("65536")
  int maxLoggedResponseBytes();

  /** How long a rotated-out signing secret keeps signing beside the new one, unless asked. */
  @WithDefault("24h")
  Duration rotationOverlap();

  /** How replays are bounded. */
  Replay replay();

  /** How long the delivery log keeps finished deliveries. */
  Retention retention();

  /** How tenants' credentials are used. */
  Credentials credentials();

  interface Credentials {
    /**
     * An OAuth2 access token is fetched again this long before it expires (or at once when its
     * whole lifetime is shorter), so no request leaves with a token about to run out.
     */
    @WithDefault("60s")
    Duration tokenRefreshBefore();

    /** How long a token endpoint has to answer. */
    @WithDefault("10s")
    Duration tokenTimeout();
  }

  /** The e-mail channel and its global SMTP server. */
  Mail mail();

  interface Mail {
    /**
     * The SMTP server for tenants that have none in their delivery settings. Without one, their
     * e-mail steps fail for good with a reason saying so.
     */
    Optional<String> host();

    /** Its port; by default the TLS mode's (25, 587 or 465). */
    OptionalInt port();

    /** How the connection to it is protected. */
    @WithDefault("STARTTLS")
    TlsMode tls();

    /** The user to log in as; no login without one. */
    Optional<String> username();

    /** The password, from the environment or a Kubernetes Secret, never from a file in Git. */
    Optional<String> password();

    /** The sender address of e-mails through the global server. */
    @WithDefault("hookyard@localhost")
    String from();

    /** How long sending one e-mail may take, connecting included. */
    @WithDefault("30s")
    Duration timeout();

    /** Connections kept open to one SMTP server at most. */
    @WithDefault("4")
    int connectionsPerServer();
  }

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
    /**
     * Deliveries claimed per round. Each claim steps over the deliveries in flight (ADR 42), so
     * larger rounds cost less per delivery.
     */
    @WithDefault("500")
    int batchSize();

    /** Attempts in flight at once per instance. */
    @WithDefault("512")
    int concurrency();

    /** Connections kept open to one destination (host and port) at most. */
    @WithDefault("64")
    int connectionsPerDestination();

    /** Threads writing attempt results; each writes its batches in transactions of its own. */
    @WithDefault("2")
    int recordWriters();

    /** How often a worker looks for due deliveries when nothing signals it. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a claimed delivery stays with the worker that claimed it. A worker that dies lets it
     * go when the lease runs out, and another one picks it up.
     */
    @WithDefault("60s")
    Duration lease();

    /** How long a delivery held back by its destination's concurrency limit waits to be tried. */
    @WithDefault("100ms")
    Duration limitWait();

    /** On shutdown, how long attempts in flight may take before their deliveries are released. */
    @WithDefault("10s")
    Duration shutdownGrace();

    /** Attempt results written to the database in one transaction, at most. */
    @WithDefault("500")
    int recordBatchSize();
  }

  interface Circuit {
    /** Failed attempts in a row after which a destination's circuit opens. */
    @WithDefault("10")
    int failureThreshold();

    /** How long an open circuit holds deliveries back before one probe tests the destination. */
    @WithDefault("1m")
    Duration coolDown();

    /** A destination that has failed without a single success for this long is paused. */
    @WithDefault("5d")
    Duration pauseAfter();
  }

  interface Egress {
    /**
     * Networks (CIDR) destinations may reach even though they are loopback, private, link-local or
     * otherwise internal. Empty in production; local runs and tests allow loopback.
     */
    Optional<List<String>> allowedCidrs();
  }
}
