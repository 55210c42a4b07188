package io.hookyard.receiver.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.receiver.ingest.StoredEvent;
import java.net.URI;
import java.time.ZoneOffset;

/** Wraps a stored event in its CloudEvents 1.0 envelope. */
final class EventEnvelopes {
  private EventEnvelopes() {}

  static CloudEvent envelope(StoredEvent event) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(event.id)
            .withSource(URI.create(event.ceSource))
            .withType(event.type)
            .withTime(event.receivedAt.atOffset(ZoneOffset.UTC))
            .withData("application/json", event.body)
            .withExtension(EventAttributes.TENANT, event.tenant)
            .withExtension(EventAttributes.SOURCE_ID, event.sourceId)
            .withExtension(EventAttributes.VENDOR, event.vendor)
            .withExtension(EventAttributes.RECEIVED_AT, event.receivedAt.toString());
    if (event.subject != null) {
      builder.withSubject(event.subject);
    }
    if (event.operation != null) {
      builder.withExtension(EventAttributes.OPERATION, event.operation);
    }
    if (event.vendorDeliveryId != null) {
      builder.withExtension(EventAttributes.VENDOR_DELIVERY_ID, event.vendorDeliveryId);
    }
    return builder.build();
  }
}
