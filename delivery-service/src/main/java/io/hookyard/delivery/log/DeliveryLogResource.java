package io.hookyard.delivery.log;

import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The searchable delivery log of a tenant, and its summary. */
@Path("/api/v1/tenants/{tenant}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
public class DeliveryLogResource {
  private final DeliveryLogService log;
  private final TenantAccess access;

  public DeliveryLogResource(DeliveryLogService log, TenantAccess access) {
    this.log = log;
    this.access = access;
  }

  @GET
  public DeliveryPage search(@PathParam("tenant") String tenant, @BeanParam DeliveryQuery query) {
    access.requireMember(tenant);
    return log.search(tenant, query);
  }

  @GET
  @Path("summary")
  public DeliverySummary summary(
      @PathParam("tenant") String tenant, @BeanParam SummaryQuery query) {
    access.requireMember(tenant);
    return log.summarize(tenant, query);
  }

  @GET
  @Path("{id}")
  public DeliveryView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    return log.get(tenant, id);
  }
}
