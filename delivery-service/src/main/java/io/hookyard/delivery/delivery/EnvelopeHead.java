package io.hookyard.delivery.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hookyard.common.observability.EventTrace;
import java.io.IOException;

/**
 * The event id and trace context of a stored CloudEvents envelope, for the attempt's span and log
 * context. Only the envelope's top-level attributes are read; the data is skipped, not parsed.
 */
record EnvelopeHead(String eventId, String traceparent) {
  private static final JsonFactory JSON = new JsonFactory();
  private static final EnvelopeHead NONE = new EnvelopeHead(null, null);

  static EnvelopeHead of(byte[] envelope) {
    if (envelope == null || envelope.length == 0) {
      return NONE;
    }
    try (JsonParser parser = JSON.createParser(envelope)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      String id = null;
      String traceparent = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING && "id".equals(name)) {
          id = parser.getText();
        } else if (value == JsonToken.VALUE_STRING && EventTrace.TRACEPARENT.equals(name)) {
          traceparent = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      return new EnvelopeHead(id, traceparent);
    } catch (IOException e) {
      return NONE;
    }
  }
}
