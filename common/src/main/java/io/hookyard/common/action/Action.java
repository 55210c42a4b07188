package io.hookyard.common.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a subscription does with a matching event: named steps run in order, each a request to a
 * destination shaped by templates, and an error route for events that should not take the normal
 * path or whose steps fail for good. A plain subscription is one step that sends the CloudEvent.
 *
 * @param steps the steps, in order (at most ten)
 * @param errorRoute where the event goes instead, or null for nowhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(
    @NotEmpty @Size(max = MAX_STEPS) List<@Valid Step> steps, @Valid ErrorRoute errorRoute) {

  public static final int MAX_STEPS = 10;

  /** The action of a plain subscription: send the CloudEvent to one destination. */
  public static Action deliverTo(String destinationId) {
    return new Action(List.of(Step.sendEvent("deliver", destinationId)), null);
  }

  /** Every destination the action may use, the error route's included. */
  public List<String> destinationIds() {
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
    steps.forEach(step -> ids.add(step.destinationId()));
    if (errorRoute != null) {
      errorRoute.steps().forEach(step -> ids.add(step.destinationId()));
    }
    return List.copyOf(ids);
  }
}
