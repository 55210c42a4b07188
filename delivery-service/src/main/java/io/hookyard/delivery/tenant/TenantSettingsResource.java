package io.hookyard.delivery.tenant;

import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A tenant's delivery settings: where operational events go, and its own SMTP server. */
@Path("/api/v1/tenants/{tenant}/delivery-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantSettingsResource {
  private final TenantSettingsService service;
  private final TenantAccess access;

  public TenantSettingsResource(TenantSettingsService service, TenantAccess access) {
    this.service = service;
    this.access = access;
  }

  @GET
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public TenantSettingsView get(@PathParam("tenant") String tenant) {
    access.requireMember(tenant);
    return service.get(tenant);
  }

  @PUT
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public TenantSettingsView replace(
      @PathParam("tenant") String tenant, @NotNull @Valid TenantSettingsView settings) {
    access.requireMember(tenant);
    return service.replace(tenant, settings);
  }
}
