package io.hookyard.delivery.destination;

import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import io.hookyard.delivery.delivery.DeliveryWorker;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Management API for a tenant's destinations. */
@Path("/api/v1/tenants/{tenant}/destinations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DestinationResource {
  private final DestinationService service;
  private final TenantAccess access;
  private final DeliveryWorker worker;

  public DestinationResource(
      DestinationService service, TenantAccess access, DeliveryWorker worker) {
    this.service = service;
    this.access = access;
    this.worker = worker;
  }

  @POST
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public Response create(
      @PathParam("tenant") String tenant,
      @Valid @NotNull DestinationRequest request,
      @Context UriInfo uri) {
    access.requireMember(tenant);
    DestinationView created = service.create(tenant, request);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public List<DestinationView> list(@PathParam("tenant") String tenant) {
    access.requireMember(tenant);
    return service.list(tenant);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public DestinationView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    return service.get(tenant, id);
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public DestinationView update(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @Valid @NotNull DestinationUpdate request) {
    access.requireMember(tenant);
    DestinationView updated = service.update(tenant, id, request);
    worker.signal();
    return updated;
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public void delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    service.delete(tenant, id);
  }

  /** Holds deliveries back until the destination is resumed. */
  @POST
  @Path("{id}/pause")
  // The body is optional, so a bare POST is accepted too.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public DestinationView pause(
      @PathParam("tenant") String tenant, @PathParam("id") String id, @Valid StateChange request) {
    access.requireMember(tenant);
    return service.pause(tenant, id, request == null ? null : request.reason());
  }

  /** Sends to the destination again; what waited is due at once. */
  @POST
  @Path("{id}/resume")
  // The body is optional, so a bare POST is accepted too.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public DestinationView resume(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    access.requireMember(tenant);
    DestinationView resumed = service.resume(tenant, id);
    worker.signal();
    return resumed;
  }

  /** Replaces the signing secret; the old one keeps signing beside it during the overlap. */
  @POST
  @Path("{id}/rotate-secret")
  // The body is optional, so a bare POST is accepted too.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public DestinationView rotateSecret(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @Valid RotateSecretRequest request) {
    access.requireMember(tenant);
    return service.rotateSecret(
        tenant, id, request == null ? new RotateSecretRequest(null) : request);
  }
}
