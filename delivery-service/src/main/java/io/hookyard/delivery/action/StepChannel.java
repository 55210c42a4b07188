package io.hookyard.delivery.action;

import io.hookyard.common.action.RenderedStep;
import io.hookyard.delivery.delivery.AttemptResult;

/**
 * Sends one rendered step of an action. {@link HttpStepChannel} sends {@link
 * RenderedStep.Request}s; a channel for {@link RenderedStep.Mail} is an {@code @ApplicationScoped}
 * bean implementing this interface whose {@link #sends()} is {@code RenderedStep.Mail.class}. Until
 * one exists, e-mail steps fail for good with the reason that e-mail is not configured.
 *
 * <p>A channel never throws for a failed send: it reports it in the {@link AttemptResult} (a status
 * that is not a success, or an error class). The result's request is what the delivery log shows,
 * so it must hold no secret; {@link Masking} replaces the credentials' values.
 */
public interface StepChannel {

  /** The kind of rendered step this channel sends. */
  Class<? extends RenderedStep> sends();

  AttemptResult send(StepSend send);
}
