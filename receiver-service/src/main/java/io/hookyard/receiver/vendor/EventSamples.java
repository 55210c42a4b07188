package io.hookyard.receiver.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads sample payloads from {@code vendor-samples/<vendor>/<file>} on the class path. */
public final class EventSamples {
  private EventSamples() {}

  public static EventSample of(String vendor, String type, String description, String file) {
    String path = "/vendor-samples/" + vendor + "/" + file;
    try (InputStream in = EventSamples.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing sample payload " + path);
      }
      return new EventSample(
          type, description, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
