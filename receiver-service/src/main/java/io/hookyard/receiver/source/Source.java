package io.hookyard.receiver.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's endpoint for one vendor set-up, reached at {@code /hooks/{tenant}/{name}}. */
@Entity
@Table(name = "source")
public class Source {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String vendor;

  public String description;

  @Column(nullable = false)
  public boolean enabled;

  /** SHA-256 of the source's secret token; the token itself is shown once and never stored. */
  @Column(name = "token_hash", nullable = false)
  public byte[] tokenHash;

  @Column(name = "max_body_bytes", nullable = false)
  public int maxBodyBytes;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
