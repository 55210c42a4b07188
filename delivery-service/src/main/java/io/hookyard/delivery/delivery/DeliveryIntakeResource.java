package io.hookyard.delivery.delivery;

import io.hookyard.common.delivery.DeliveryRequest;
import io.hookyard.common.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Internal intake from rules-service. It answers once the requests are committed, and ignores a
 * request it has seen before, so rules-service may safely send a batch again. Only Hookyard's own
 * services may call it (client-credentials tokens with the service role).
 */
@Path("/internal/v1/deliveries")
@RolesAllowed(Roles.SERVICE)
public class DeliveryIntakeResource {
  private final DeliveryQueue queue;
  private final DeliveryWorker worker;

  public DeliveryIntakeResource(DeliveryQueue queue, DeliveryWorker worker) {
    this.queue = queue;
    this.worker = worker;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public void submit(@NotNull List<@Valid DeliveryRequest> requests) {
    if (queue.enqueue(requests) > 0) {
      worker.signal();
    }
  }
}
