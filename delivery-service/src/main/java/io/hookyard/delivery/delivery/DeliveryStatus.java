package io.hookyard.delivery.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
  /** Waiting for the first attempt of a round: the first round, or one a replay started. */
  PENDING,
  /** The last attempt failed; another is scheduled. */
  FAILING,
  /** A destination accepted it. Terminal unless replayed on purpose. */
  SUCCEEDED,
  /** Every attempt failed, or it can never succeed. Terminal until replayed. */
  DEAD;

  /** True for the states no worker will move on by itself. */
  public boolean isFinished() {
    return this == SUCCEEDED || this == DEAD;
  }
}
