package io.hookyard.rules.outbox;

import io.hookyard.common.delivery.DeliveryRequest;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** delivery-service's internal intake. It is idempotent on delivery id. */
@OidcClientFilter
@RegisterRestClient(configKey = "delivery")
@Path("/internal/v1/deliveries")
interface DeliveryClient {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  void submit(List<DeliveryRequest> requests);
}
