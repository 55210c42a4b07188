package io.hookyard.delivery.tenant;

import jakarta.validation.Valid;

/**
 * A tenant's delivery settings.
 *
 * @param operationalDestinationId the destination that receives operational events, such as {@code
 *     hookyard.destination.paused}; null for none
 * @param smtp the tenant's own SMTP server for e-mail steps; null for the global one
 */
public record TenantSettingsView(String operationalDestinationId, @Valid SmtpSettingsView smtp) {

  /** Settings without an SMTP server of the tenant's own. */
  public TenantSettingsView(String operationalDestinationId) {
    this(operationalDestinationId, null);
  }
}
