package io.hookyard.receiver.source;

import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Management API for a tenant's sources. */
@Path("/api/v1/tenants/{tenant}/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourceResource {
  private final SourceService service;
  private final TenantAccess access;

  public SourceResource(SourceService service, TenantAccess access) {
    this.service = service;
    this.access = access;
  }

  @POST
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public Response create(
      @PathParam("tenant") String tenant,
      @Valid @NotNull CreateSourceRequest request,
      @Context UriInfo uri) {
    access.requireMember(tenant);
    SourceView created = service.create(tenant, request);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public List<SourceView> list(@PathParam("tenant") String tenant) {
    access.requireMember(tenant);
    return service.list(tenant);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public SourceView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    return service.get(tenant, id);
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public SourceView update(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @Valid @NotNull UpdateSourceRequest request) {
    access.requireMember(tenant);
    return service.update(tenant, id, request);
  }

  /** Replaces the source's secret, with an overlap window during which the old one still works. */
  @POST
  @Path("{id}/rotate-secret")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public SourceView rotateSecret(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @Valid @NotNull RotateSecretRequest request) {
    access.requireMember(tenant);
    return service.rotateSecret(tenant, id, request);
  }
}
