package io.hookyard.receiver.requestlog;

import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The request log of a tenant: every request to its hook URLs, with verdict and reason. */
@Path("/api/v1/tenants/{tenant}/requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
public class RequestLogResource {
  private final RequestLogSearch search;
  private final TenantAccess access;

  public RequestLogResource(RequestLogSearch search, TenantAccess access) {
    this.search = search;
    this.access = access;
  }

  @GET
  public RequestLogPage search(
      @PathParam("tenant") String tenant, @BeanParam RequestLogQuery query) {
    access.requireMember(tenant);
    return search.search(tenant, query);
  }

  @GET
  @Path("{id}")
  public RequestLogView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    return search.get(tenant, id);
  }
}
