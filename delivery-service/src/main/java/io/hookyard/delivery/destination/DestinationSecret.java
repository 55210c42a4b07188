package io.hookyard.delivery.destination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One signing secret of a destination, encrypted at rest. */
@Entity
@Table(name = "destination_secret")
public class DestinationSecret {
  @Id public String id;

  @Column(name = "destination_id", nullable = false)
  public String destinationId;

  @Column(name = "key_id", nullable = false)
  public String keyId;

  @Column(nullable = false)
  public byte[] ciphertext;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When a rotated-out secret stops signing; null while it is the current one. */
  @Column(name = "expires_at")
  public Instant expiresAt;
}
