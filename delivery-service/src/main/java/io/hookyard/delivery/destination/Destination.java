package io.hookyard.delivery.destination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a tenant's deliveries go. */
@Entity
@Table(name = "destination")
public class Destination {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String url;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
