package io.hookyard.delivery.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookyard.common.action.Action;
import io.hookyard.common.action.Step;
import java.util.List;

/**
 * Where a delivery's action stands, as stored on its row: the planned action, the route it is on
 * (the steps, or the error route after they failed), the step that runs next, the responses of the
 * steps that succeeded, and the failure that sent it down the error route.
 *
 * @param errorReason set when rules-service sent the event straight to the error route (the
 *     action's steps are then the route's)
 * @param stepResults {@code {"<step>": {"status", "headers", "body"}}}
 * @param failure {@code {"step", "stepIndex", "reason", "deadReason", "response"}}, or null
 */
public record ActionState(
    Action action,
    String errorReason,
    Route route,
    int stepIndex,
    ObjectNode stepResults,
    ObjectNode failure) {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The steps or the error route. */
  public enum Route {
    MAIN,
    ERROR;

    public String column() {
      return this == MAIN ? "main" : "error";
    }

    static Route ofColumn(String value) {
      return "error".equals(value) ? ERROR : MAIN;
    }
  }

  /** The state stored on a delivery row, or null for a plain delivery (no action). */
  public static ActionState of(
      String action,
      String errorReason,
      String route,
      int stepIndex,
      String stepResults,
      String failure) {
    if (action == null) {
      return null;
    }
    try {
      return new ActionState(
          JSON.readValue(action, Action.class),
          errorReason,
          Route.ofColumn(route),
          stepIndex,
          stepResults == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(stepResults),
          failure == null ? null : (ObjectNode) JSON.readTree(failure));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored action does not parse", e);
    }
  }

  /**
   * What a delivery request's action is stored as: null when it is the plain one (the CloudEvent to
   * one destination, which takes the fast path), else its JSON.
   */
  public static String stored(Action action) {
    if (action == null || isPlain(action)) {
      return null;
    }
    try {
      return JSON.writeValueAsString(action);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isPlain(Action action) {
    if (action.steps().size() != 1 || action.errorRoute() != null) {
      return false;
    }
    Step step = action.steps().getFirst();
    return step.kind() == Step.Kind.PRESET
        && step.preset() == io.hookyard.common.template.Preset.CLOUDEVENT
        && step.method() == null
        && step.path() == null
        && step.headers() == null
        && step.retrySchedule() == null;
  }

  /** The steps of the current route. */
  public List<Step> steps() {
    return route == Route.MAIN ? action.steps() : action.errorRoute().steps();
  }

  public Step current() {
    return steps().get(stepIndex);
  }

  public boolean isLastStep() {
    return stepIndex == steps().size() - 1;
  }

  /**
   * Whether the step is the delivery's only request: one step on the main route. Its requests carry
   * the delivery id as {@code webhook-id}; every other step's carry {@code <id>.<step>}.
   */
  public boolean isOnlyStep() {
    return route == Route.MAIN && action.steps().size() == 1;
  }

  public boolean hasErrorRoute() {
    return route == Route.MAIN && action.errorRoute() != null;
  }
}
