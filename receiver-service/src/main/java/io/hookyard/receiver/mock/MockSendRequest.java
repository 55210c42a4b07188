package io.hookyard.receiver.mock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A mock send: which of the source vendor's sample events to send.
 *
 * @param type an event type of the vendor catalogue, such as {@code fleet.calendar}
 */
public record MockSendRequest(@NotBlank @Size(max = 200) String type) {}
