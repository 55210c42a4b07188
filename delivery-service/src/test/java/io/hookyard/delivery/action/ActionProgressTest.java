package io.hookyard.delivery.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookyard.common.action.Action;
import io.hookyard.common.action.ErrorRoute;
import io.hookyard.common.action.Step;
import io.hookyard.delivery.delivery.AttemptDecision;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.DeadReason;
import io.hookyard.delivery.delivery.DeliveryStatus;
import io.hookyard.delivery.delivery.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionProgressTest {
  private static final AttemptDecision SUCCEEDED =
      new AttemptDecision(AttemptDecision.Verdict.SUCCEEDED, null, null);
  private static final AttemptDecision DEAD =
      new AttemptDecision(AttemptDecision.Verdict.DEAD, null, null);

  private static Step step(String name, String destination) {
    return Step.ofRequest(name, destination, null, "/x", null, null);
  }

  private static ActionState state(ErrorRoute route, ActionState.Route on, int index) {
    Action action = new Action(List.of(step("host", "dst_a"), step("command", "dst_b")), route);
    return new ActionState(action, null, on, index, ActionState.JSON.createObjectNode(), null);
  }

  private static AttemptResult answered(int status, String body) {
    return new AttemptResult(
        new OutgoingRequest("s", "GET", "http://x", Map.of(), Map.of(), new byte[0]),
        Instant.EPOCH,
        1,
        status,
        Map.of("content-type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8),
        null,
        null);
  }

  @Test
  void aSucceededStepStoresItsResponseAndHandsOverToTheNextStepsDestination() throws Exception {
    StepProgress progress =
        ActionProgress.after(
            state(null, ActionState.Route.MAIN, 0),
            answered(200, "{\"host\":{\"uuid\":\"U\"}}"),
            SUCCEEDED,
            DeadReason.SCHEDULE_EXHAUSTED);

    assertEquals(1, progress.stepIndex());
    assertEquals("dst_b", progress.destinationId());
    assertTrue(progress.restartSchedule());
    assertEquals(DeliveryStatus.PENDING, progress.status());
    assertEquals(Duration.ZERO, progress.delay());
    JsonNode stored = ActionState.JSON.readTree(progress.stepResult()).path("host");
    assertEquals(200, stored.path("status").asInt());
    assertEquals("U", stored.path("body").path("host").path("uuid").asText());
    assertEquals("application/json", stored.path("headers").path("content-type").asText());
  }

  @Test
  void theLastStepSucceedingFinishesTheDelivery() {
    StepProgress progress =
        ActionProgress.after(
            state(null, ActionState.Route.MAIN, 1), answered(201, "created"), SUCCEEDED, null);
    assertEquals(DeliveryStatus.SUCCEEDED, progress.status());
    assertNull(progress.stepIndex());
  }

  @Test
  void aStepFailingForGoodTakesTheErrorRouteAndRemembersWhy() throws Exception {
    ErrorRoute route = new ErrorRoute(null, List.of(step("alert", "dst_slack")));
    StepProgress progress =
        ActionProgress.after(
            state(route, ActionState.Route.MAIN, 1),
            answered(500, "{\"error\":\"boom\"}"),
            DEAD,
            DeadReason.SCHEDULE_EXHAUSTED);

    assertEquals("error", progress.route());
    assertEquals(0, progress.stepIndex());
    assertEquals("dst_slack", progress.destinationId());
    assertEquals(DeliveryStatus.FAILING, progress.status());
    JsonNode failure = ActionState.JSON.readTree(progress.failure());
    assertEquals("command", failure.path("step").asText());
    assertEquals(1, failure.path("stepIndex").asInt());
    assertEquals(500, failure.path("response").path("status").asInt());
    assertEquals("boom", failure.path("response").path("body").path("error").asText());
  }

  @Test
  void withoutAnErrorRouteAFailedStepKillsTheDeliveryWithItsReason() {
    StepProgress progress =
        ActionProgress.after(
            state(null, ActionState.Route.MAIN, 0),
            answered(503, ""),
            DEAD,
            DeadReason.SCHEDULE_EXHAUSTED);
    assertEquals(DeliveryStatus.DEAD, progress.status());
    assertEquals(DeadReason.SCHEDULE_EXHAUSTED, progress.deadReason());
    assertEquals("Step 'host' failed: the destination answered 503.", progress.lastError());
  }
}
