package io.hookyard.rules.destination;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** delivery-service's internal destination lookup; 404 for a destination not in the tenant. */
@OidcClientFilter
@RegisterRestClient(configKey = "delivery")
@Path("/internal/v1/tenants/{tenant}/destinations/{id}")
interface DestinationClient {

  // A Response, so that a 404 is an answer to read and not an exception.
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  Response get(@PathParam("tenant") String tenant, @PathParam("id") String id);
}
