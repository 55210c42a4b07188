package io.hookyard.rules.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event rules-service has taken in, with its whole CloudEvents envelope. */
@Entity
@Table(name = "received_event")
public class ReceivedEvent {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String type;

  /** The envelope in CloudEvents JSON. */
  @Column(nullable = false)
  public byte[] envelope;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;
}
