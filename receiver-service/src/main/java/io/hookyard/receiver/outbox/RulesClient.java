package io.hookyard.receiver.outbox;

import io.cloudevents.CloudEvent;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** rules-service's internal intake. It is idempotent on event id, so a batch may be sent again. */
@OidcClientFilter
@RegisterRestClient(configKey = "rules")
@Path("/internal/v1/events")
interface RulesClient {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  void submit(List<CloudEvent> events);
}
