package io.hookyard.delivery.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event to deliver to one destination for one subscription: a queue entry and a log entry. */
@Entity
@Table(name = "delivery")
public class Delivery {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "event_id", nullable = false)
  public String eventId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(name = "subscription_id", nullable = false)
  public String subscriptionId;

  /** The destination of the step that runs next (or ran last): the only one of a plain delivery. */
  @Column(name = "destination_id", nullable = false)
  public String destinationId;

  /** The event in CloudEvents JSON, exactly as it is sent. */
  @Column(nullable = false)
  public byte[] event;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DeliveryStatus status;

  @Column(name = "attempt_count", nullable = false)
  public int attemptCount;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Column(name = "last_response_status")
  public Integer lastResponseStatus;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** When it succeeded or died; null while it is waiting. */
  @Column(name = "completed_at")
  public Instant completedAt;

  /** Why it died; null unless {@code status} is DEAD. */
  @Enumerated(EnumType.STRING)
  @Column(name = "dead_reason")
  public DeadReason deadReason;

  /** The replay that queued its current round of attempts; null before any replay. */
  @Column(name = "replay_id")
  public String replayId;

  /** Whether the event is a mock send, made by hand from a vendor sample. */
  @Column(nullable = false)
  public boolean mock;

  /**
   * How many attempts were made before the current round began. A replay sets it to the attempt
   * count, so the retry schedule starts again while attempt numbers carry on.
   */
  @Column(name = "schedule_start", nullable = false)
  public int scheduleStart;

  /** The action it runs (JSON), or null for a plain delivery. */
  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
  @Column(name = "action")
  public String action;

  /** {@code main} (the action's steps) or {@code error} (its error route, after they failed). */
  @Column(nullable = false)
  public String route;

  /** The position of the step that runs next (or ran last) in its route. */
  @Column(name = "step_index", nullable = false)
  public int stepIndex;

  /** How many attempts the current round has made: the position in the retry schedule. */
  public int attemptsThisRound() {
    return attemptCount - scheduleStart;
  }
}
