package io.hookyard.delivery.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's settings of delivery-service. */
@Entity
@Table(name = "tenant_settings")
public class TenantSettings {
  @Id public String tenant;

  /** Where operational events (such as a destination paused) go; null for nowhere. */
  @Column(name = "operational_destination_id")
  public String operationalDestinationId;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
