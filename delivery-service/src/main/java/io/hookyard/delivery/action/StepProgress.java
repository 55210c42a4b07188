package io.hookyard.delivery.action;

import io.hookyard.delivery.delivery.DeadReason;
import io.hookyard.delivery.delivery.DeliveryStatus;
import java.time.Duration;

/**
 * How one attempt of an action's step moves its delivery on, as the attempt ledger writes it.
 *
 * @param route the route from now on, or null when unchanged
 * @param stepIndex the step that runs next, or null when unchanged
 * @param destinationId the next step's destination, or null when unchanged
 * @param restartSchedule whether the next step starts its own retry schedule
 * @param stepResult {@code {"<step>": {...}}} to add to the stored responses, or null
 * @param failure the action's failure to store, or null to keep what is stored
 * @param status the delivery's status
 * @param delay when the next attempt is due, from now; null when none is
 * @param deadReason why it died, when {@code status} is DEAD
 * @param lastError what the log shows as the last error, or null to derive it from the attempt
 */
public record StepProgress(
    String route,
    Integer stepIndex,
    String destinationId,
    boolean restartSchedule,
    String stepResult,
    String failure,
    DeliveryStatus status,
    Duration delay,
    DeadReason deadReason,
    String lastError) {}
