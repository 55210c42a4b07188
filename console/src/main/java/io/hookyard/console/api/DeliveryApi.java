package io.hookyard.console.api;

import io.hookyard.console.api.Model.Delivery;
import io.hookyard.console.api.Model.DeliveryPage;
import io.hookyard.console.api.Model.Destination;
import io.hookyard.console.api.Model.Replay;
import io.hookyard.console.api.Model.Summary;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** delivery-service's management API: destinations, the delivery log and replays. */
@RegisterRestClient(configKey = "delivery")
@RegisterClientHeaders(BearerToken.class)
@RegisterProvider(ApiFailures.class)
@Path("/api/v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public interface DeliveryApi {

  @GET
  @Path("destinations")
  List<Destination> destinations(@PathParam("tenant") String tenant);

  @POST
  @Path("destinations")
  @Consumes(MediaType.APPLICATION_JSON)
  Destination createDestination(@PathParam("tenant") String tenant, Map<String, Object> body);

  @POST
  @Path("destinations/{id}/{change}")
  @Consumes(MediaType.APPLICATION_JSON)
  Destination changeDestination(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @PathParam("change") String change,
      Map<String, Object> body);

  @GET
  @Path("deliveries")
  DeliveryPage deliveries(@PathParam("tenant") String tenant, @BeanParam LogQuery query);

  @GET
  @Path("deliveries/summary")
  Summary summary(
      @PathParam("tenant") String tenant,
      @QueryParam("period") String period,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("eventType") String eventType,
      @QueryParam("destinationId") String destinationId,
      @QueryParam("subscriptionId") String subscriptionId);

  @GET
  @Path("deliveries/{id}")
  Delivery delivery(@PathParam("tenant") String tenant, @PathParam("id") String id);

  @POST
  @Path("deliveries/{id}/replay")
  Replay replayOne(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @QueryParam("includeSucceeded") boolean includeSucceeded);

  @POST
  @Path("replays")
  @Consumes(MediaType.APPLICATION_JSON)
  Replay replayMatching(@PathParam("tenant") String tenant, Map<String, Object> criteria);

  @GET
  @Path("replays/{id}")
  Replay replay(@PathParam("tenant") String tenant, @PathParam("id") String id);
}
