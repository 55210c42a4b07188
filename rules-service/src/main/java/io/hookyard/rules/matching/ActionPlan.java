package io.hookyard.rules.matching;

import io.hookyard.common.action.Action;
import io.hookyard.common.action.ErrorRoute;
import io.hookyard.common.action.Step;
import java.util.List;

/**
 * What one match asks delivery-service to run: the subscription's action with its conditions
 * decided against the event, so a retry or replay later does exactly what the event called for.
 *
 * @param action the steps to run (skipped ones left out), and the error route for failures
 * @param errorReason why the event went straight to the error route, or null
 */
public record ActionPlan(Action action, String errorReason) {

  /** The plan for a matching event, or null when every step's condition ruled it out. */
  public static ActionPlan of(Action action, EventFilterInput input) {
    ErrorRoute route = action.errorRoute();
    if (route != null && route.when() != null && input.passes(route.when())) {
      return new ActionPlan(
          new Action(route.steps(), null), "the error route's condition held: " + route.when());
    }
    List<Step> steps =
        action.steps().stream()
            .filter(step -> step.condition() == null || input.passes(step.condition()))
            .toList();
    if (steps.isEmpty()) {
      return null;
    }
    ErrorRoute onFailure = route == null ? null : new ErrorRoute(null, route.steps());
    return new ActionPlan(new Action(steps, onFailure), null);
  }
}
