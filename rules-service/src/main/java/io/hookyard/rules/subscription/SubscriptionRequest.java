package io.hookyard.rules.subscription;

import io.hookyard.common.action.Action;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a tenant admin sends to create or replace a subscription: either a {@code destinationId}
 * (send the CloudEvent there) or an {@code action}, not both.
 */
public record SubscriptionRequest(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message =
                "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit")
        String name,
    @Size(max = 500) String description,
    Boolean enabled,
    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> eventTypes,
    @Size(max = 50) List<@NotBlank @Size(max = 64) String> sources,
    @Size(max = 4096) String filter,
    @Size(max = 64) String destinationId,
    @Valid Action action) {

  /** The action to store: the one given, or sending the CloudEvent to the destination. */
  public Action effectiveAction() {
    return action != null ? action : Action.deliverTo(destinationId);
  }
}
