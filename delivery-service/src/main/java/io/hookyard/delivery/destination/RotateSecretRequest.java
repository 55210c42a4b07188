package io.hookyard.delivery.destination;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Replaces a destination's signing secret. The old one keeps signing beside the new one for {@code
 * overlapSeconds} (a day by default), so the receiver can switch over without rejecting anything.
 */
public record RotateSecretRequest(@Min(0) @Max(30L * 24 * 3600) Long overlapSeconds) {}
