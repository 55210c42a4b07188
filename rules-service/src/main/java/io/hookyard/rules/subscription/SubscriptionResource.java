package io.hookyard.rules.subscription;

import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Management API for a tenant's subscriptions. */
@Path("/api/v1/tenants/{tenant}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
  private final SubscriptionService service;
  private final TenantAccess access;

  public SubscriptionResource(SubscriptionService service, TenantAccess access) {
    this.service = service;
    this.access = access;
  }

  @POST
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public Response create(
      @PathParam("tenant") String tenant,
      @Valid @NotNull SubscriptionRequest request,
      @Context UriInfo uri) {
    access.requireMember(tenant);
    SubscriptionView created = service.create(tenant, request);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public List<SubscriptionView> list(@PathParam("tenant") String tenant) {
    access.requireMember(tenant);
    return service.list(tenant);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public SubscriptionView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    return service.get(tenant, id);
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public SubscriptionView replace(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @Valid @NotNull SubscriptionRequest request) {
    access.requireMember(tenant);
    return service.replace(tenant, id, request);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public Response delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    service.delete(tenant, id);
    return Response.noContent().build();
  }
}
