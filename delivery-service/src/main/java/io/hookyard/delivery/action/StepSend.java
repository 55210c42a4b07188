package io.hookyard.delivery.action;

import io.hookyard.common.action.RenderedStep;
import io.hookyard.delivery.credential.AppliedCredential;
import io.hookyard.delivery.destination.DestinationSettings;
import java.util.Set;

/**
 * One step to send: its rendered form, the destination it goes to, the {@code webhook-id} its
 * request carries, the destination's credential (or null), and every secret value the step used,
 * for masking in the log.
 */
public record StepSend(
    RenderedStep step,
    DestinationSettings destination,
    String webhookId,
    AppliedCredential credential,
    Set<String> secrets) {}
