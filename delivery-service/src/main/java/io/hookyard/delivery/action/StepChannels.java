package io.hookyard.delivery.action;

import io.hookyard.common.action.RenderedStep;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.OutgoingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands each rendered step to the channel that sends its kind. A step no channel sends (e-mail,
 * until an e-mail channel is deployed) fails for good with a clear reason; nothing is sent.
 */
@ApplicationScoped
public class StepChannels {
  static final String NO_MAIL =
      "E-mail is not configured on this delivery-service: no channel sends e-mail steps.";

  private final Map<Class<? extends RenderedStep>, StepChannel> channels = new HashMap<>();
  private final Clock clock;

  public StepChannels(@Any Instance<StepChannel> channels, Clock clock) {
    channels.forEach(channel -> this.channels.put(channel.sends(), channel));
    this.clock = clock;
  }

  public AttemptResult send(StepSend send) {
    StepChannel channel = channels.get(send.step().getClass());
    return channel == null ? notSendable(send) : channel.send(send);
  }

  private AttemptResult notSendable(StepSend send) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String target = send.destination().url();
    byte[] body = new byte[0];
    if (send.step() instanceof RenderedStep.Mail mail) {
      target = "mailto:" + String.join(",", mail.to());
      headers.put("subject", List.of(mail.subject()));
      String text = mail.text() != null ? mail.text() : mail.html();
      body = text.getBytes(StandardCharsets.UTF_8);
    }
    OutgoingRequest shown =
        new OutgoingRequest(send.step().stepName(), "MAIL", target, headers, headers, body);
    return Masking.mask(
        new AttemptResult(
            shown,
            clock.instant(),
            0,
            null,
            null,
            null,
            AttemptResult.ErrorClass.NOT_SENDABLE,
            NO_MAIL),
        send.secrets());
  }
}
