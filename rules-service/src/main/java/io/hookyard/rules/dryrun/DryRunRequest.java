package io.hookyard.rules.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The event to try a subscription on, given one of four ways: a whole CloudEvent ({@code event}),
 * plain data with its type ({@code type}, {@code data}, and optionally {@code subject} and {@code
 * old}), an event Hookyard received ({@code eventId}), or a vendor's sample ({@code sample}).
 */
public record DryRunRequest(
    JsonNode event,
    @Size(max = 200) String type,
    @Size(max = 500) String subject,
    JsonNode data,
    JsonNode old,
    @Size(max = 64) String eventId,
    @Valid Sample sample) {

  /** A sample payload from the vendor catalogue. */
  public record Sample(@Size(max = 64) String vendor, @Size(max = 200) String type) {}
}
