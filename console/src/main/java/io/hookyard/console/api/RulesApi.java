package io.hookyard.console.api;

import io.hookyard.console.api.Model.DryRunResult;
import io.hookyard.console.api.Model.FilterCheck;
import io.hookyard.console.api.Model.Subscription;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** rules-service's management API: subscriptions, filter checks and dry runs. */
@RegisterRestClient(configKey = "rules")
@RegisterClientHeaders(BearerToken.class)
@RegisterProvider(ApiFailures.class)
@Path("/api/v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RulesApi {

  @GET
  @Path("subscriptions")
  List<Subscription> subscriptions(@PathParam("tenant") String tenant);

  @GET
  @Path("subscriptions/{id}")
  Subscription subscription(@PathParam("tenant") String tenant, @PathParam("id") String id);

  @POST
  @Path("subscriptions")
  Subscription create(@PathParam("tenant") String tenant, Map<String, Object> subscription);

  @PUT
  @Path("subscriptions/{id}")
  Subscription replace(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      Map<String, Object> subscription);

  @POST
  @Path("subscriptions/{id}/dry-run")
  DryRunResult dryRun(
      @PathParam("tenant") String tenant, @PathParam("id") String id, Map<String, Object> event);

  @POST
  @Path("filters/check")
  FilterCheck checkFilter(@PathParam("tenant") String tenant, Map<String, String> filter);
}
