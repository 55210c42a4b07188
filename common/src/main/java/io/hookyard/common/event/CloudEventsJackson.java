package io.hookyard.common.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Teaches the application's ObjectMapper the CloudEvents JSON format, so REST resources and clients
 * exchange {@code CloudEvent} values (and records holding them) in structured mode.
 */
@Singleton
public class CloudEventsJackson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(JsonFormat.getCloudEventJacksonModule());
  }
}
