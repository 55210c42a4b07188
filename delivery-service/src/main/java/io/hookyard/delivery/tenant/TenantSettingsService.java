package io.hookyard.delivery.tenant;

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
  private final Clock clock;

  public TenantSettingsService(
      TenantSettingsRepository settings, DestinationRepository destinations, Clock clock) {
    this.settings = settings;
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
    if (created) {
      found = new TenantSettings();
      found.tenant = tenant;
    }
    found.operationalDestinationId = destinationId;
    found.updatedAt = clock.instant();
    if (created) {
      settings.persist(found);
    }
    return new TenantSettingsView(found.operationalDestinationId);
  }
}
