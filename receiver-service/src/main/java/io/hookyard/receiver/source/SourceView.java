package io.hookyard.receiver.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A source as the management API shows it. {@code secret} is present only in the answer that
 * created it, and only when Hookyard generated it.
 */
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
    Map<String, String> settings,
    int activeSecrets,
    Instant createdAt,
    Instant updatedAt,
    String secret) {

  static SourceView of(Source source, String url, int activeSecrets, String secret) {
    return new SourceView(
        source.id,
        source.tenant,
        source.name,
        source.vendor,
        source.description,
        source.enabled,
        url,
        source.maxBodyBytes,
        source.settings,
        activeSecrets,
        source.createdAt,
        source.updatedAt,
        secret);
  }
}
