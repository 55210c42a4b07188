package io.hookyard.receiver.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a tenant admin sends to create a source. */
public record CreateSourceRequest(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message =
                "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit")
        String name,
    @Size(max = 64) String vendor,
    @Size(max = 500) String description,
    @Min(1) @Max(16 * 1024 * 1024) Integer maxBodyBytes) {}
