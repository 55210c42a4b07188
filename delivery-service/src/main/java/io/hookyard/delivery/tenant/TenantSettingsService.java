package io.hookyard.delivery.tenant;

import io.hookyard.common.audit.AuditTrail;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.delivery.destination.DestinationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Reads and replaces a tenant's delivery settings. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TenantSettingsService {
  private final TenantSettingsRepository settings;
  private final DestinationRepository destinations;
  private final AuditTrail audit;
  private final Clock clock;

  public TenantSettingsService(
      TenantSettingsRepository settings,
      DestinationRepository destinations,
      AuditTrail audit,
      Clock clock) {
    this.settings = settings;
    this.audit = audit;
    this.destinations = destinations;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TenantSettingsView get(String tenant) {
    TenantSettings found = settings.findById(tenant);
    return new TenantSettingsView(found == null ? null : found.operationalDestinationId);
  }

  public TenantSettingsView replace(String tenant, TenantSettingsView wanted) {
    String destinationId = wanted.operationalDestinationId();
    if (destinationId != null && destinations.findInTenant(tenant, destinationId).isEmpty()) {
      throw ProblemException.badRequest(
          "unknown-destination", "No destination '" + destinationId + "' in this tenant.");
    }
    TenantSettings found = settings.findById(tenant);
    boolean created = found == null;
    TenantSettingsView before =
        new TenantSettingsView(created ? null : found.operationalDestinationId);
    if (created) {
      found = new TenantSettings();
      found.tenant = tenant;
    }
    found.operationalDestinationId = destinationId;
    found.updatedAt = clock.instant();
    if (created) {
      settings.persist(found);
    }
    TenantSettingsView after = new TenantSettingsView(found.operationalDestinationId);
    audit.record(tenant, "delivery-settings", tenant, "replace", before, after);
    return after;
  }
}
