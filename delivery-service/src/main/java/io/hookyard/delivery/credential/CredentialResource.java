package io.hookyard.delivery.credential;

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

/** Management API for a tenant's credentials; secrets go in and never come back out. */
@Path("/api/v1/tenants/{tenant}/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CredentialResource {
  private final CredentialService service;
  private final TenantAccess access;

  public CredentialResource(CredentialService service, TenantAccess access) {
    this.service = service;
    this.access = access;
  }

  @POST
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public Response create(
      @PathParam("tenant") String tenant,
      @Valid @NotNull CredentialRequest request,
      @Context UriInfo uri) {
    access.requireMember(tenant);
    CredentialView created = service.create(tenant, request);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public List<CredentialView> list(@PathParam("tenant") String tenant) {
    access.requireMember(tenant);
    return service.list(tenant);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public CredentialView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    return service.get(tenant, id);
  }

  /** Replaces every field, the secret included: how a credential is rotated. */
  @PUT
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public CredentialView replace(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @Valid @NotNull CredentialRequest request) {
    access.requireMember(tenant);
    return service.replace(tenant, id, request);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public void delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    service.delete(tenant, id);
  }
}
