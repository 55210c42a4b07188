package io.hookyard.delivery.destination;

import java.util.Set;

/** The states of a destination. Only an active destination is sent to. */
public final class DestinationState {
  /** Deliveries are sent. */
  public static final String ACTIVE = "active";

  /** Deliveries wait, by hand or because the destination kept failing or answered 410 Gone. */
  public static final String PAUSED = "paused";

  /** Deliveries wait until a person enables the destination again. */
  public static final String DISABLED = "disabled";

  public static final Set<String> ALL = Set.of(ACTIVE, PAUSED, DISABLED);

  private DestinationState() {}
}
