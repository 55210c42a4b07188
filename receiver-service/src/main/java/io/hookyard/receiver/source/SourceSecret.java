package io.hookyard.receiver.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One secret of a source, encrypted at rest. */
@Entity
@Table(name = "source_secret")
public class SourceSecret {
  @Id public String id;

  @Column(name = "source_id", nullable = false)
  public String sourceId;

  @Column(name = "key_id", nullable = false)
  public String keyId;

  @Column(nullable = false)
  public byte[] ciphertext;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When a replaced secret stops verifying; null while it is the current one. */
  @Column(name = "expires_at")
  public Instant expiresAt;
}
