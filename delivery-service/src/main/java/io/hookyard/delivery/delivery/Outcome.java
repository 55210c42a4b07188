package io.hookyard.delivery.delivery;

/** One finished attempt, waiting to be written: the claim, what happened, and what it means. */
public record Outcome(Claim claim, AttemptResult result, AttemptDecision decision) {}
