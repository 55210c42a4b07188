package io.hookyard.delivery.delivery;

import io.hookyard.delivery.action.StepProgress;

/**
 * One finished attempt, waiting to be written: the claim, what happened, and what it means. {@code
 * progress} says how an action's delivery moves on; it is null for a plain delivery, which the
 * decision alone moves on.
 */
public record Outcome(
    Claim claim, AttemptResult result, AttemptDecision decision, StepProgress progress) {

  public Outcome(Claim claim, AttemptResult result, AttemptDecision decision) {
    this(claim, result, decision, null);
  }
}
