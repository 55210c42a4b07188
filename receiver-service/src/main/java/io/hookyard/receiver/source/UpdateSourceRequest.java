package io.hookyard.receiver.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** A partial update of a source: only the fields present change. */
public record UpdateSourceRequest(
    @Size(max = 500) String description,
    Boolean enabled,
    @Min(1) @Max(16 * 1024 * 1024) Integer maxBodyBytes,
    @Size(max = 20) Map<@Size(max = 64) String, @Size(max = 500) String> settings) {}
