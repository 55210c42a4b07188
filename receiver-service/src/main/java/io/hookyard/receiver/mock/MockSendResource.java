package io.hookyard.receiver.mock;

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
import jakarta.ws.rs.core.Response;

/**
 * Mock sends ("send a test event"): a source's vendor sample goes through the real path, from the
 * stored event to the destinations, marked as mock all the way.
 */
@Path("/api/v1/tenants/{tenant}/sources/{id}/mock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MockSendResource {
  private final MockSendService service;
  private final TenantAccess access;

  public MockSendResource(MockSendService service, TenantAccess access) {
    this.service = service;
    this.access = access;
  }

  @POST
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public Response send(
      @PathParam("tenant") String tenant,
      @PathParam("id") String sourceId,
      @Valid @NotNull MockSendRequest request) {
    access.requireMember(tenant);
    return Response.accepted(service.send(tenant, sourceId, request.type())).build();
  }
}
