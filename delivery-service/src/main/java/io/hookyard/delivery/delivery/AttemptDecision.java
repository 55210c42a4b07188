package io.hookyard.delivery.delivery;

import java.time.Duration;

/**
 * What an attempt means for its delivery: delivered, try again after {@code delay}, or dead. {@code
 * pauseReason} is set when the destination must be paused as well (it answered 410 Gone).
 */
public record AttemptDecision(Verdict verdict, Duration delay, String pauseReason) {

  public enum Verdict {
    SUCCEEDED,
    RETRY,
    DEAD
  }

  public boolean succeeded() {
    return verdict == Verdict.SUCCEEDED;
  }
}
