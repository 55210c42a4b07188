package io.hookyard.rules.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookyard.common.action.Action;
import java.time.Instant;
import java.util.List;

/** A subscription as the management API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
    String id,
    String tenant,
    String name,
    String description,
    boolean enabled,
    List<String> eventTypes,
    List<String> sources,
    String filter,
    String destinationId,
    Action action,
    Instant createdAt,
    Instant updatedAt) {

  static SubscriptionView of(Subscription s) {
    return new SubscriptionView(
        s.id,
        s.tenant,
        s.name,
        s.description,
        s.enabled,
        List.copyOf(s.eventTypes),
        s.sources == null ? List.of() : List.copyOf(s.sources),
        s.filter,
        s.destinationId,
        s.action,
        s.createdAt,
        s.updatedAt);
  }
}
