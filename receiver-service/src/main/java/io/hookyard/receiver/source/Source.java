package io.hookyard.receiver.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

  /** Vendor-specific settings, such as the header a shared secret arrives in. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> settings;

  @Column(name = "max_body_bytes", nullable = false)
  public int maxBodyBytes;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
