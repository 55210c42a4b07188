package io.hookyard.common.audit;

import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's audit trail of this service's resources, at {@code …/audit/<service name>} so that one
 * ingress can route each service's trail to it. Every service serves its own; tenant admins and
 * hookyard admins may read it (see docs/adr/0024-audit-trail-per-service.md).
 */
@Path("/api/v1/tenants/{tenant}/audit/{service}")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private final TenantAccess access;
  private final AuditLog log;
  private final String application;

  public AuditResource(
      TenantAccess access,
      AuditLog log,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    this.access = access;
    this.log = log;
    this.application = application;
  }

  @GET
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public AuditPage list(
      @PathParam("tenant") String tenant,
      @PathParam("service") String service,
      @QueryParam("before") @Size(max = 64) String before,
      @QueryParam("resourceId") @Size(max = 64) String resourceId,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    access.requireMember(tenant);
    if (!application.equals(service)) {
      throw ProblemException.notFound(
          "This is " + application + "; its trail is at audit/" + application + ".");
    }
    return log.page(tenant, before, resourceId, limit);
  }
}
