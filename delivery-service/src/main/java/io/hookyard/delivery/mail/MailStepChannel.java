package io.hookyard.delivery.mail;

import io.hookyard.common.action.RenderedStep;
import io.hookyard.delivery.action.Masking;
import io.hookyard.delivery.action.StepChannel;
import io.hookyard.delivery.action.StepSend;
import io.hookyard.delivery.delivery.AttemptResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends the e-mail steps of actions through the {@link MailChannel}. The outcome is recorded like
 * an HTTP attempt: a sent e-mail has status 250, a transient failure is retried on the step's
 * schedule, and a permanent one ({@link AttemptResult.ErrorClass#NOT_SENDABLE}) ends the step at
 * once.
 */
@ApplicationScoped
public class MailStepChannel implements StepChannel {
  private final MailChannel mail;

  public MailStepChannel(MailChannel mail) {
    this.mail = mail;
  }

  @Override
  public Class<? extends RenderedStep> sends() {
    return RenderedStep.Mail.class;
  }

  @Override
  public AttemptResult send(StepSend send) {
    RenderedStep.Mail step = (RenderedStep.Mail) send.step();
    MailOutcome outcome = mail.send(send.destination().tenant(), step, deliveryId(send, step));
    return Masking.mask(outcome.toAttemptResult(step), send.secrets());
  }

  // The channel adds the step to the Message-ID itself; a longer action's webhook id has it too.
  private static String deliveryId(StepSend send, RenderedStep.Mail step) {
    String suffix = "." + step.stepName();
    String id = send.webhookId();
    return id.endsWith(suffix) ? id.substring(0, id.length() - suffix.length()) : id;
  }
}
