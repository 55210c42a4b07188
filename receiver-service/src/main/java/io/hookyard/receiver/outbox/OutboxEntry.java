package io.hookyard.receiver.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An accepted event that rules-service has not yet confirmed. */
@Entity
@Table(name = "outbox")
public class OutboxEntry {
  @Id
  @Column(name = "event_id")
  public String eventId;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  @Column(name = "last_error")
  public String lastError;
}
