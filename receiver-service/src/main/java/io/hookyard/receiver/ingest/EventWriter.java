package io.hookyard.receiver.ingest;

import io.hookyard.common.id.Ids;
import io.hookyard.receiver.outbox.OutboxEntry;
import io.hookyard.receiver.outbox.OutboxRepository;
import io.hookyard.receiver.source.Source;
import io.hookyard.receiver.vendor.EventFacts;
import io.hookyard.receiver.vendor.IncomingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Commits an accepted event and its outbox entry in one transaction. */
@ApplicationScoped
public class EventWriter {
  /** Headers that carry credentials; they are kept only as a marker that they were present. */
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "x-hookyard-token", "cookie", "proxy-authorization");

  private final StoredEventRepository events;
  private final OutboxRepository outbox;
  private final Clock clock;

  public EventWriter(StoredEventRepository events, OutboxRepository outbox, Clock clock) {
    this.events = events;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public AcceptedEvent write(Source source, EventFacts facts, IncomingRequest request) {
    if (facts.vendorDeliveryId() != null) {
      var earlier = events.findByVendorDeliveryId(source.id, facts.vendorDeliveryId());
      if (earlier.isPresent()) {
        return new AcceptedEvent(earlier.get().id, true);
      }
    }
    Instant now = clock.instant();
    StoredEvent event = new StoredEvent();
    event.id = Ids.newId(Ids.EVENT, clock);
    event.tenant = source.tenant;
    event.sourceId = source.id;
    event.ceSource = "/hooks/" + source.tenant + "/" + source.name;
    event.type = facts.type();
    event.subject = facts.subject();
    event.vendorDeliveryId = facts.vendorDeliveryId();
    event.contentType = request.contentType();
    event.headers = redacted(request.headers());
    event.body = request.body();
    event.receivedAt = now;
    events.persist(event);
    outbox.persist(OutboxEntry.dueNow(event.id, now));
    return new AcceptedEvent(event.id, false);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<String> findByVendorDeliveryId(String sourceId, String deliveryId) {
    return events.findByVendorDeliveryId(sourceId, deliveryId).map(event -> event.id);
  }

  private static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            copy.put(
                name,
                SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                    ? List.of("[redacted]")
                    : values));
    return copy;
  }
}
