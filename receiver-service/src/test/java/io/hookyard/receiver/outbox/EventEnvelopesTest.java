package io.hookyard.receiver.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.receiver.ReceiverTest;
import io.hookyard.receiver.ingest.StoredEvent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@ReceiverTest
class EventEnvelopesTest {
  @Inject EventEnvelopes envelopes;

  @Test
  void anEventWhoseVendorSentThePreviousStateCarriesIt() throws Exception {
    var envelope =
        envelopes.envelope(
            stored(
                "stripe",
                """
                {"id":"evt_1","type":"customer.updated",
                 "data":{"object":{"id":"cus_1","email":"new@example.com"},
                         "previous_attributes":{"email":"old@example.com"}}}"""));

    Object previous = envelope.getExtension(EventAttributes.PREVIOUS_DATA);
    var json = new ObjectMapper().readTree(previous.toString());
    assertEquals("old@example.com", json.at("/data/object/email").asText());
  }

  @Test
  void otherEventsCarryNoPreviousState() {
    var envelope = envelopes.envelope(stored("generic", "{\"device\":\"mac-1\"}"));
    assertNull(envelope.getExtension(EventAttributes.PREVIOUS_DATA));
  }

  private static StoredEvent stored(String vendor, String body) {
    StoredEvent event = new StoredEvent();
    event.id = "evt_01TEST";
    event.tenant = "acme";
    event.sourceId = "src_01TEST";
    event.ceSource = "/hooks/acme/" + vendor;
    event.vendor = vendor;
    event.type = vendor + ".test";
    event.contentType = "application/json";
    event.body = body.getBytes(StandardCharsets.UTF_8);
    event.receivedAt = Instant.parse("2026-11-22T12:00:00Z");
    return event;
  }
}
