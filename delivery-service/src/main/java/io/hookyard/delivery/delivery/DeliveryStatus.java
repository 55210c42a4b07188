package io.hookyard.delivery.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
  /** Not attempted yet. */
  PENDING,
  /** The last attempt failed; another is scheduled. */
  FAILING,
  /** A destination accepted it. Terminal. */
  SUCCEEDED,
  /** Every attempt failed, or it can never succeed. Terminal until replayed. */
  DEAD
}
