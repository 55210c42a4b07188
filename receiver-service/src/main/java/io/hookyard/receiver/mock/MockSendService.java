package io.hookyard.receiver.mock;

import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.ingest.StoredEvent;
import io.hookyard.receiver.ingest.StoredEventRepository;
import io.hookyard.receiver.outbox.OutboxEntry;
import io.hookyard.receiver.outbox.OutboxRelay;
import io.hookyard.receiver.outbox.OutboxRepository;
import io.hookyard.receiver.source.Source;
import io.hookyard.receiver.source.SourceRepository;
import io.hookyard.receiver.vendor.EventFacts;
import io.hookyard.receiver.vendor.EventSample;
import io.hookyard.receiver.vendor.IncomingRequest;
import io.hookyard.receiver.vendor.VendorAdapter;
import io.hookyard.receiver.vendor.VendorAdapters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Stores a vendor sample as an accepted event of the source, marked mock, with its outbox row, in
 * one transaction; the outbox relay then forwards it like any event. No vendor signed it, so it
 * skips verification, and it is not a request to the source, so the request log does not show it.
 * It has no vendor delivery id: it can never be taken for a redelivery of a real event, nor a real
 * event for a redelivery of it.
 */
@ApplicationScoped
public class MockSendService {
  private static final Logger LOG = Logger.getLogger(MockSendService.class);

  private final SourceRepository sources;
  private final VendorAdapters adapters;
  private final StoredEventRepository events;
  private final OutboxRepository outbox;
  private final OutboxRelay relay;
  private final Clock clock;

  public MockSendService(
      SourceRepository sources,
      VendorAdapters adapters,
      StoredEventRepository events,
      OutboxRepository outbox,
      OutboxRelay relay,
      Clock clock) {
    this.sources = sources;
    this.adapters = adapters;
    this.events = events;
    this.outbox = outbox;
    this.relay = relay;
    this.clock = clock;
  }

  public MockSendView send(String tenant, String sourceId, String type) {
    MockSendView sent = QuarkusTransaction.requiringNew().call(() -> store(tenant, sourceId, type));
    relay.signal();
    return sent;
  }

  private MockSendView store(String tenant, String sourceId, String type) {
    Source source =
        sources
            .findInTenant(tenant, sourceId)
            .orElseThrow(() -> ProblemException.notFound("No source '" + sourceId + "'."));
    if (!source.enabled) {
      throw new ProblemException(
          Problem.of(
              409,
              "source-disabled",
              "Source disabled",
              "The source is disabled; enable it to send a mock event through it."));
    }
    VendorAdapter adapter =
        adapters
            .find(source.vendor)
            .orElseThrow(() -> ProblemException.unavailable("This source's vendor is not loaded."));
    EventSample sample = sample(adapter, type);
    byte[] body = sample.payload().getBytes(StandardCharsets.UTF_8);
    EventFacts facts = facts(adapter, body);
    Instant now = clock.instant();
    StoredEvent event = new StoredEvent();
    event.id = Ids.newId(Ids.EVENT, clock);
    event.tenant = tenant;
    event.sourceId = source.id;
    event.ceSource = "/hooks/" + tenant + "/" + source.name;
    event.vendor = source.vendor;
    event.type = sample.type();
    event.subject = facts == null ? null : facts.subject();
    event.operation = facts == null ? null : facts.operation();
    event.vendorDeliveryId = null;
    event.contentType = "application/json";
    event.headers = Map.of();
    event.body = body;
    event.receivedAt = now;
    event.mock = true;
    events.persist(event);
    OutboxEntry entry = new OutboxEntry();
    entry.eventId = event.id;
    entry.attempts = 0;
    entry.nextAttemptAt = now;
    outbox.persist(entry);
    return new MockSendView(event.id, source.id, event.type, true);
  }

  private static EventSample sample(VendorAdapter adapter, String type) {
    List<EventSample> samples = adapter.profile().samples();
    return samples.stream()
        .filter(sample -> sample.type().equals(type))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "unknown-sample",
                    "The "
                        + adapter.profile().displayName()
                        + " catalogue has no sample of type '"
                        + type
                        + "'; it has "
                        + samples.stream().map(EventSample::type).toList()
                        + "."));
  }

  /**
   * The subject and operation the adapter reads from the sample's body, as it would from the
   * vendor's request. Some vendors put them in headers that a sample does not have; then the mock
   * event goes without them.
   */
  private static EventFacts facts(VendorAdapter adapter, byte[] body) {
    IncomingRequest request =
        new IncomingRequest("POST", Map.of(), null, Map.of(), "application/json", body);
    try {
      return adapter.read(request);
    } catch (RuntimeException e) {
      LOG.debugf("The %s adapter cannot read its sample without headers: %s", adapter.vendor(), e);
      return null;
    }
  }
}
