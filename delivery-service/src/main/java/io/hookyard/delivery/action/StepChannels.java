package io.hookyard.delivery.action;

import io.hookyard.common.action.RenderedStep;
import io.hookyard.delivery.delivery.AttemptResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;

/** Hands each rendered step to the channel that sends its kind: HTTP requests or e-mails. */
@ApplicationScoped
public class StepChannels {
  private final Map<Class<? extends RenderedStep>, StepChannel> channels = new HashMap<>();

  public StepChannels(@Any Instance<StepChannel> channels) {
    channels.forEach(channel -> this.channels.put(channel.sends(), channel));
  }

  public AttemptResult send(StepSend send) {
    StepChannel channel = channels.get(send.step().getClass());
    if (channel == null) {
      throw new IllegalStateException("No channel sends " + send.step().getClass().getSimpleName());
    }
    return channel.send(send);
  }
}
