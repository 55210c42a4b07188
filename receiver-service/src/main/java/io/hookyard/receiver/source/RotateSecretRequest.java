package io.hookyard.receiver.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Replaces a source's secret. The old secrets keep verifying for {@code overlapSeconds} (default a
 * day), so the vendor can be switched over without losing a delivery.
 *
 * @param secret the new vendor-issued secret; left out, Hookyard generates one and returns it once
 */
public record RotateSecretRequest(
    @Size(min = 8, max = 4096) String secret, @Min(0) @Max(30L * 24 * 3600) Long overlapSeconds) {}
