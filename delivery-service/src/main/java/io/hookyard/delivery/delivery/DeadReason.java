package io.hookyard.delivery.delivery;

/** Why a delivery became a dead letter. */
public enum DeadReason {
  /** Every attempt of its retry schedule failed. */
  SCHEDULE_EXHAUSTED,
  /** Its destination no longer exists, so no attempt could ever reach it. */
  DESTINATION_GONE
}
