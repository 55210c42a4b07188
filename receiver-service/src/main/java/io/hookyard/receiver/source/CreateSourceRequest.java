package io.hookyard.receiver.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What a tenant admin sends to create a source.
 *
 * @param secret the vendor-issued secret (signing secret, public key...) for vendors that issue
 *     one; left out, Hookyard generates the secret and returns it once
 * @param settings vendor-specific settings, such as the header a shared secret arrives in
 */
public record CreateSourceRequest(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message =
                "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit")
        String name,
    @Size(max = 64) String vendor,
    @Size(max = 500) String description,
    @Min(1) @Max(16 * 1024 * 1024) Integer maxBodyBytes,
    @Size(min = 8, max = 4096) String secret,
    @Size(max = 20) Map<@Size(max = 64) String, @Size(max = 500) String> settings) {}
