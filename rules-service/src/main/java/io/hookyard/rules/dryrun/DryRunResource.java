package io.hookyard.rules.dryrun;

import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Dry runs: what a subscription would do with an event, with nothing sent. */
@Path("/api/v1/tenants/{tenant}/subscriptions/{id}/dry-run")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DryRunResource {
  private final DryRunService dryRuns;
  private final TenantAccess access;

  public DryRunResource(DryRunService dryRuns, TenantAccess access) {
    this.dryRuns = dryRuns;
    this.access = access;
  }

  @POST
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public DryRunResult run(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @Valid @NotNull DryRunRequest request) {
    access.requireMember(tenant);
    return dryRuns.run(tenant, id, request);
  }
}
