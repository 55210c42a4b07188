package io.hookyard.common.event;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;

/** CloudEvents structured-mode JSON, as stored and as sent. */
public final class CloudEventJson {
  public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

  private static final EventFormat FORMAT = new JsonFormat();

  private CloudEventJson() {}

  public static byte[] serialize(CloudEvent event) {
    return FORMAT.serialize(event);
  }

  public static CloudEvent deserialize(byte[] json) {
    return FORMAT.deserialize(json);
  }
}
