package io.hookyard.delivery.destination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Where a tenant's deliveries go, and how they are sent there. */
@Entity
@Table(name = "destination")
public class Destination {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String url;

  @Column(nullable = false)
  public String method;

  /** Headers added to every request, by name. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> headers;

  @Column(name = "timeout_ms", nullable = false)
  public int timeoutMs;

  /** Requests per second at most; null for no limit. */
  @Column(name = "rate_limit")
  public Integer rateLimit;

  /** Requests in flight at once at most; null for no limit. */
  @Column(name = "max_concurrency")
  public Integer maxConcurrency;

  /** This destination's own retry schedule (durations, comma-separated); null for the default. */
  @Column(name = "retry_schedule")
  public String retrySchedule;

  /** The response statuses that count as delivered, such as {@code 200-299,302}. */
  @Column(name = "success_codes", nullable = false)
  public String successCodes;

  /** One delivery at a time, in the order they came in. */
  @Column(nullable = false)
  public boolean fifo;

  /** {@link DestinationState}: active, paused or disabled. */
  @Column(nullable = false)
  public String state;

  @Column(name = "state_reason")
  public String stateReason;

  @Column(name = "state_changed_at")
  public Instant stateChangedAt;

  @Column(name = "consecutive_failures", nullable = false)
  public int consecutiveFailures;

  @Column(name = "failing_since")
  public Instant failingSince;

  @Column(name = "circuit_open_until")
  public Instant circuitOpenUntil;

  @Column(name = "rate_tat")
  public Instant rateTat;

  /** The credential applied to every request to it, or null. */
  @Column(name = "credential_id")
  public String credentialId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
