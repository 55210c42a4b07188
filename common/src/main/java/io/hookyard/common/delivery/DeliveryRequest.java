package io.hookyard.common.delivery;

import io.cloudevents.CloudEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What rules-service asks delivery-service to do: deliver one event for one subscription to one
 * destination. The id is fixed by rules-service when the match is made, so asking twice is
 * harmless: delivery-service keeps the first and ignores the rest.
 */
public record DeliveryRequest(
    @NotBlank String id,
    @NotBlank String tenant,
    @NotBlank String subscriptionId,
    @NotBlank String destinationId,
    @NotNull CloudEvent event) {}
