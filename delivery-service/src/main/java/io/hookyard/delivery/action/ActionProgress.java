package io.hookyard.delivery.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookyard.common.action.Step;
import io.hookyard.delivery.delivery.AttemptDecision;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.DeadReason;
import io.hookyard.delivery.delivery.DeliveryStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Decides how an action's delivery moves on after one attempt of its current step. A step that
 * succeeded stores its response and hands over to the next step, which starts its own retry
 * schedule; after the last step the delivery has succeeded. A step that failed for good sends the
 * delivery down the error route (when it has one and is not on it already), remembering the
 * failure; otherwise the delivery is dead. A delivery whose error route ran after a failure ends
 * dead too, with the failure's reason: the action did not do what it was for.
 */
final class ActionProgress {
  private ActionProgress() {}

  static StepProgress after(
      ActionState state, AttemptResult result, AttemptDecision decision, DeadReason deadReason) {
    return switch (decision.verdict()) {
      case SUCCEEDED -> succeeded(state, result);
      case RETRY ->
          new StepProgress(
              null,
              null,
              null,
              false,
              null,
              null,
              DeliveryStatus.FAILING,
              decision.delay(),
              null,
              null);
      case DEAD -> failed(state, result, deadReason);
    };
  }

  private static StepProgress succeeded(ActionState state, AttemptResult result) {
    Step step = state.current();
    ObjectNode stored = ActionState.JSON.createObjectNode();
    stored.set(step.name(), response(result));
    String stepResult = json(stored);
    if (!state.isLastStep()) {
      int next = state.stepIndex() + 1;
      return new StepProgress(
          null,
          next,
          state.steps().get(next).destinationId(),
          true,
          stepResult,
          null,
          DeliveryStatus.PENDING,
          Duration.ZERO,
          null,
          null);
    }
    if (state.route() == ActionState.Route.ERROR && state.failure() != null) {
      ObjectNode failure = state.failure();
      return new StepProgress(
          null,
          null,
          null,
          false,
          stepResult,
          null,
          DeliveryStatus.DEAD,
          null,
          DeadReason.valueOf(
              failure.path("deadReason").asText(DeadReason.SCHEDULE_EXHAUSTED.name())),
          failure.path("reason").asText() + " The error route ran.");
    }
    return new StepProgress(
        null, null, null, false, stepResult, null, DeliveryStatus.SUCCEEDED, null, null, null);
  }

  private static StepProgress failed(
      ActionState state, AttemptResult result, DeadReason deadReason) {
    Step step = state.current();
    String reason = reason(step, result, deadReason);
    // The first failure is kept: it is where a replay starts again.
    String failure =
        state.failure() == null ? json(failure(state, result, reason, deadReason)) : null;
    if (state.hasErrorRoute()) {
      Step first = state.action().errorRoute().steps().getFirst();
      return new StepProgress(
          ActionState.Route.ERROR.column(),
          0,
          first.destinationId(),
          true,
          null,
          failure,
          DeliveryStatus.FAILING,
          Duration.ZERO,
          null,
          reason);
    }
    String lastError =
        state.route() == ActionState.Route.ERROR
            ? "The error route failed: "
                + reason
                + " ("
                + state.failure().path("reason").asText()
                + ")"
            : reason;
    return new StepProgress(
        null, null, null, false, null, failure, DeliveryStatus.DEAD, null, deadReason, lastError);
  }

  private static ObjectNode failure(
      ActionState state, AttemptResult result, String reason, DeadReason deadReason) {
    ObjectNode failure = ActionState.JSON.createObjectNode();
    failure.put("step", state.current().name());
    failure.put("stepIndex", state.stepIndex());
    failure.put("reason", reason);
    failure.put("deadReason", deadReason.name());
    if (result.status() != null) {
      failure.set("response", response(result));
    }
    return failure;
  }

  /** What the log and the error route's templates say about a step that failed for good. */
  private static String reason(Step step, AttemptResult result, DeadReason deadReason) {
    return switch (deadReason) {
      case RENDER_ERROR, NOT_SENDABLE -> result.errorDetail();
      default ->
          "Step '"
              + step.name()
              + "' failed: "
              + (result.status() != null
                  ? "the destination answered " + result.status()
                  : String.valueOf(result.errorClass())
                      + (result.errorDetail() == null ? "" : " (" + result.errorDetail() + ")"))
              + ".";
    };
  }

  /** A response as later steps' templates see it: status, headers, body parsed when JSON. */
  static ObjectNode response(AttemptResult result) {
    ObjectNode response = ActionState.JSON.createObjectNode();
    response.put("status", result.status() == null ? 0 : result.status());
    ObjectNode headers = response.putObject("headers");
    if (result.responseHeaders() != null) {
      for (Map.Entry<String, List<String>> header : result.responseHeaders().entrySet()) {
        if (!header.getValue().isEmpty()) {
          headers.put(header.getKey(), header.getValue().getFirst());
        }
      }
    }
    response.set("body", body(result.responseBody()));
    return response;
  }

  private static JsonNode body(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return ActionState.JSON.getNodeFactory().textNode("");
    }
    try {
      JsonNode parsed = ActionState.JSON.readTree(bytes);
      if (parsed != null && parsed.isContainerNode()) {
        return parsed;
      }
    } catch (IOException e) {
      // Not JSON: the text as it came.
    }
    return ActionState.JSON
        .getNodeFactory()
        .textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String json(JsonNode node) {
    try {
      return ActionState.JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
