package io.hookyard.receiver.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A source as the management API shows it. {@code token} is present only right after creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(
    String id,
    String tenant,
    String name,
    String vendor,
    String description,
    boolean enabled,
    String url,
    int maxBodyBytes,
    Instant createdAt,
    Instant updatedAt,
    String token) {

  static SourceView of(Source source, String url, String token) {
    return new SourceView(
        source.id,
        source.tenant,
        source.name,
        source.vendor,
        source.description,
        source.enabled,
        url,
        source.maxBodyBytes,
        source.createdAt,
        source.updatedAt,
        token);
  }
}
