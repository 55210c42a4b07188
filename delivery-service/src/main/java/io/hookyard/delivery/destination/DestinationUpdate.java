package io.hookyard.delivery.destination;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A partial update of a destination: only the fields present change. {@code rateLimit} or {@code
 * maxConcurrency} 0 removes the limit; an empty {@code retrySchedule} returns to the default. A
 * {@code state} of {@code paused} or {@code disabled} holds deliveries back (with {@code
 * stateReason}); {@code active} sends again. An empty {@code credentialId} removes the credential.
 */
public record DestinationUpdate(
    @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message =
                "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit")
        String name,
    @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an absolute http or https URL")
        String url,
    @Pattern(
            regexp = "GET|POST|PUT|PATCH|DELETE",
            message = "must be GET, POST, PUT, PATCH or DELETE")
        String method,
    @Size(max = 20) Map<@Size(min = 1, max = 64) String, @Size(max = 4096) String> headers,
    @Min(1) @Max(120) Integer timeoutSeconds,
    @Min(0) @Max(100_000) Integer rateLimit,
    @Min(0) @Max(10_000) Integer maxConcurrency,
    @Size(max = 30) List<@NotNull String> retrySchedule,
    @Size(max = 200) String successCodes,
    Boolean fifo,
    @Pattern(regexp = "active|paused|disabled", message = "must be active, paused or disabled")
        String state,
    @Size(max = 500) String stateReason,
    @Size(max = 64) String credentialId) {}
