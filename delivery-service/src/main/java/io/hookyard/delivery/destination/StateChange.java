package io.hookyard.delivery.destination;

import jakarta.validation.constraints.Size;

/** Why a destination is paused by hand; shown beside its state. */
public record StateChange(@Size(max = 500) String reason) {}
