package io.hookyard.common.delivery;

import io.cloudevents.CloudEvent;
import io.hookyard.common.action.Action;
import io.hookyard.common.event.EventAttributes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What rules-service asks delivery-service to do: run one subscription's action for one event. The
 * id is fixed by rules-service when the match is made, so asking twice is harmless:
 * delivery-service keeps the first and ignores the rest.
 *
 * @param destinationId the first step's destination
 * @param action the steps to run, conditions already decided; null means "send the CloudEvent to
 *     the destination"
 * @param errorReason set when the event goes straight to the error route (the action's steps are
 *     then the route's)
 */
public record DeliveryRequest(
    @NotBlank String id,
    @NotBlank String tenant,
    @NotBlank String subscriptionId,
    @NotBlank String destinationId,
    @NotNull CloudEvent event,
    @Valid Action action,
    String errorReason) {

  /** A request to send the CloudEvent to one destination. */
  public DeliveryRequest(
      String id, String tenant, String subscriptionId, String destinationId, CloudEvent event) {
    this(id, tenant, subscriptionId, destinationId, event, null, null);
  }

  /** Whether the event is a mock send (its {@code mock} extension), shown as such in the log. */
  public boolean mock() {
    return EventAttributes.isMock(event);
  }

  /** The action to run: the one planned, or sending the CloudEvent to the destination. */
  public Action effectiveAction() {
    return action != null ? action : Action.deliverTo(destinationId);
  }
}
