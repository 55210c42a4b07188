package io.hookyard.rules.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The receiver's vendor catalogue, called with the caller's own token (propagated), since the
 * catalogue is part of the management API.
 */
@RegisterRestClient(configKey = "receiver")
@RegisterClientHeaders
@Path("/api/v1/vendors")
interface VendorSampleClient {

  @GET
  @Path("{vendor}")
  @Produces(MediaType.APPLICATION_JSON)
  JsonNode vendor(@PathParam("vendor") String vendor);
}
