package io.hookyard.delivery.delivery;

import java.time.Instant;

/**
 * A delivery this worker holds under a lease: what it needs to send it and to record the attempt.
 *
 * @param attemptsMade attempts before this one
 * @param dueAt when the delivery fell due
 * @param destinationFailures failed attempts in a row at the destination when it was claimed
 * @param probe whether this attempt tests a destination whose circuit is open
 * @param scheduleStart the attempts made before the current round of the retry schedule (a replay
 *     starts a new round)
 * @param replayId the replay whose round this is, or null for the original round
 * @param action where the delivery's action stands, or null for a plain delivery (the CloudEvent to
 *     one destination)
 * @param leaseUntil when the lease runs out and another worker may take the delivery
 */
public record Claim(
    String deliveryId,
    String tenant,
    String destinationId,
    byte[] event,
    int attemptsMade,
    Instant dueAt,
    int destinationFailures,
    boolean probe,
    int scheduleStart,
    String replayId,
    io.hookyard.delivery.action.ActionState action,
    Instant leaseUntil) {

  /** Attempts made in the current round: the position in the retry schedule. */
  public int attemptsThisRound() {
    return attemptsMade - scheduleStart;
  }
}
