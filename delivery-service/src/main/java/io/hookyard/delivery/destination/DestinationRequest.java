package io.hookyard.delivery.destination;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a tenant admin sends to create a destination. */
public record DestinationRequest(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message =
                "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit")
        String name,
    @NotNull
        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an absolute http or https URL")
        String url) {}
