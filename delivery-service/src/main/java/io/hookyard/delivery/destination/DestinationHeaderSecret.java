package io.hookyard.delivery.destination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The value of one destination header that carries a credential, encrypted at rest. */
@Entity
@Table(name = "destination_header_secret")
public class DestinationHeaderSecret {
  @Id public String id;

  @Column(name = "destination_id", nullable = false)
  public String destinationId;

  @Column(nullable = false)
  public String name;

  @Column(name = "key_id", nullable = false)
  public String keyId;

  @Column(nullable = false)
  public byte[] ciphertext;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
