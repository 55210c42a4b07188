package io.hookyard.delivery.replay;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One replay request and what it did: either one delivery ({@code deliveryId}) or every delivery
 * that matched its criteria. Kept as the answer to the same request sent again with its idempotency
 * key.
 */
@Entity
@Table(name = "replay")
public class Replay {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "delivery_id")
  public String deliveryId;

  public Instant since;

  public Instant until;

  @Column(name = "destination_id")
  public String destinationId;

  @Column(name = "subscription_id")
  public String subscriptionId;

  @Column(name = "event_type")
  public String eventType;

  /** The statuses a replay by filter took, comma-separated. */
  public String statuses;

  /** The latest response's status or class a replay by filter took ({@code 503}, {@code 5xx}). */
  @Column(name = "response_code")
  public String responseCode;

  /**
   * The one delivery (request id) a replay by filter was narrowed to; unlike {@code deliveryId},
   * the filter's other criteria still apply.
   */
  @Column(name = "criteria_delivery_id")
  public String criteriaDeliveryId;

  @Column(name = "event_id")
  public String eventId;

  @Column(name = "include_succeeded", nullable = false)
  public boolean includeSucceeded;

  @Column(name = "idempotency_key")
  public String idempotencyKey;

  /** A hash of what was asked, to tell a repeated request from a different one with its key. */
  @Column(name = "request_fingerprint", nullable = false)
  public String requestFingerprint;

  @Column(name = "requested_by", nullable = false)
  public String requestedBy;

  /** Deliveries that matched, including those left alone because an attempt was in flight. */
  @Column(nullable = false)
  public int matched;

  /** Deliveries it queued for a new round of attempts. */
  @Column(nullable = false)
  public int queued;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
