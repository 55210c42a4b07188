package io.hookyard.delivery.delivery;

/** Why a delivery became a dead letter. */
public enum DeadReason {
  /** Every attempt of its retry schedule failed. */
  SCHEDULE_EXHAUSTED,
  /** Its destination no longer exists, so no attempt could ever reach it. */
  DESTINATION_GONE,
  /** A template of a step could not be rendered; retrying would not mend it. */
  RENDER_ERROR,
  /** A step cannot be sent by any channel (e-mail not configured). */
  NOT_SENDABLE
}
