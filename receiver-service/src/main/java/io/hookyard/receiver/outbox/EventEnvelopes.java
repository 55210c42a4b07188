package io.hookyard.receiver.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.common.observability.EventTrace;
import io.hookyard.receiver.ingest.StoredEvent;
import io.hookyard.receiver.vendor.VendorAdapters;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Wraps a stored event in its CloudEvents 1.0 envelope, with the subject's previous state where the
 * vendor sent it along.
 */
@ApplicationScoped
class EventEnvelopes {
  private static final Logger LOG = Logger.getLogger(EventEnvelopes.class);

  private final VendorAdapters adapters;

  EventEnvelopes(VendorAdapters adapters) {
    this.adapters = adapters;
  }

  CloudEvent envelope(StoredEvent event) {
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
    if (event.traceparent != null) {
      builder.withExtension(EventTrace.TRACEPARENT, event.traceparent);
    }
    if (event.vendorDeliveryId != null) {
      builder.withExtension(EventAttributes.VENDOR_DELIVERY_ID, event.vendorDeliveryId);
    }
    if (event.mock) {
      builder.withExtension(EventAttributes.MOCK, true);
    }
    previousState(event)
        .ifPresent(
            previous -> builder.withExtension(EventAttributes.PREVIOUS_DATA, previous.toString()));
    return builder.build();
  }

  private Optional<JsonNode> previousState(StoredEvent event) {
    try {
      return adapters.find(event.vendor).flatMap(adapter -> adapter.previousState(event.body));
    } catch (RuntimeException e) {
      // The event still goes; filters then compare with the state rules-service remembers.
      LOG.warnf("Could not read the previous state the vendor sent with event %s: %s", event.id, e);
      return Optional.empty();
    }
  }
}
