package io.hookyard.delivery.destination;

import io.hookyard.common.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Internal lookup for rules-service, which checks that a subscription's destination exists in the
 * subscription's tenant before saving it. A destination of another tenant is a 404 like a missing
 * one. Only Hookyard's own services may call it (client-credentials tokens with the service role).
 */
@Path("/internal/v1/tenants/{tenant}/destinations/{id}")
@RolesAllowed(Roles.SERVICE)
@Produces(MediaType.APPLICATION_JSON)
public class DestinationLookupResource {
  private final DestinationService destinations;

  public DestinationLookupResource(DestinationService destinations) {
    this.destinations = destinations;
  }

  @GET
  public DestinationView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    return destinations.get(tenant, id);
  }
}
