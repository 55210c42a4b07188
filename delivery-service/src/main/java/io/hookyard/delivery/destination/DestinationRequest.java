package io.hookyard.delivery.destination;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What a tenant admin sends to create a destination. Only name and url are required.
 *
 * @param kind {@code webhook} (the only kind so far)
 * @param method the HTTP method of every request, POST by default
 * @param headers headers added to every request
 * @param timeoutSeconds how long the destination has to answer, 15 by default
 * @param rateLimit requests per second at most; absent or 0 for no limit
 * @param maxConcurrency requests in flight at once at most; absent or 0 for no limit
 * @param retrySchedule the waits before each attempt ({@code ["0s","5s","5m"]}); absent or empty
 *     for the service's default schedule
 * @param successCodes which statuses count as delivered, {@code 200-299} by default
 * @param fifo one delivery at a time, in the order they came in
 * @param credentialId a credential of the tenant applied to every request (authentication)
 */
public record DestinationRequest(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message =
                "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit")
        String name,
    @Pattern(regexp = "webhook", message = "must be webhook") String kind,
    @NotNull
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
    @Size(max = 64) String credentialId) {}
