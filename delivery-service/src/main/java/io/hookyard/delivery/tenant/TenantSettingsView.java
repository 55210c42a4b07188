package io.hookyard.delivery.tenant;

/**
 * A tenant's delivery settings.
 *
 * @param operationalDestinationId the destination that receives operational events, such as {@code
 *     hookyard.destination.paused}; null for none
 */
public record TenantSettingsView(String operationalDestinationId) {}
