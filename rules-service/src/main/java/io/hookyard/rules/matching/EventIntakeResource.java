package io.hookyard.rules.matching;

import io.cloudevents.CloudEvent;
import io.hookyard.common.tenancy.Roles;
import io.hookyard.rules.outbox.DeliveryRelay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Internal intake from receiver-service. It answers only after the batch and its matches are
 * committed, and it is idempotent on event id, so the receiver may safely send a batch again. Only
 * Hookyard's own services may call it (client-credentials tokens with the service role); the
 * ingress does not expose it either.
 */
@Path("/internal/v1/events")
@RolesAllowed(Roles.SERVICE)
public class EventIntakeResource {
  private final MatchingService matching;
  private final DeliveryRelay relay;

  public EventIntakeResource(MatchingService matching, DeliveryRelay relay) {
    this.matching = matching;
    this.relay = relay;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public void submit(@NotNull List<CloudEvent> events) {
    if (matching.accept(events) > 0) {
      relay.signal();
    }
  }
}
