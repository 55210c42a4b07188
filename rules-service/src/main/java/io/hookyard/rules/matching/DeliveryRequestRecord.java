package io.hookyard.rules.matching;

import io.hookyard.common.action.Action;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One match of an event and a subscription. It doubles as the outbox towards delivery-service:
 * {@code forwardedAt} stays empty until delivery-service has confirmed the request.
 */
@Entity
@Table(name = "delivery_request")
public class DeliveryRequestRecord {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "event_id", nullable = false)
  public String eventId;

  @Column(name = "subscription_id", nullable = false)
  public String subscriptionId;

  @Column(name = "destination_id", nullable = false)
  public String destinationId;

  /** The action as planned when the event matched. */
  @JdbcTypeCode(SqlTypes.JSON)
  public Action action;

  /** Why the event went straight to the error route, or null. */
  @Column(name = "error_reason")
  public String errorReason;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "forwarded_at")
  public Instant forwardedAt;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  @Column(name = "last_error")
  public String lastError;
}
