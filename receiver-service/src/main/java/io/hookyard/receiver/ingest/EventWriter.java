package io.hookyard.receiver.ingest;

import io.hookyard.common.id.Ids;
import io.hookyard.receiver.outbox.OutboxEntry;
import io.hookyard.receiver.outbox.OutboxRepository;
import io.hookyard.receiver.requestlog.RequestLog;
import io.hookyard.receiver.source.ActiveSource;
import io.hookyard.receiver.vendor.EventFacts;
import io.hookyard.receiver.vendor.IncomingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Commits an accepted event, its outbox entry and its request log entry in one transaction. */
@ApplicationScoped
public class EventWriter {
  private final StoredEventRepository events;
  private final OutboxRepository outbox;
  private final RequestLog requestLog;
  private final Clock clock;

  public EventWriter(
      StoredEventRepository events, OutboxRepository outbox, RequestLog requestLog, Clock clock) {
    this.events = events;
    this.outbox = outbox;
    this.requestLog = requestLog;
    this.clock = clock;
  }

  @Transactional
  public AcceptedEvent write(
      ActiveSource source, EventFacts facts, IncomingRequest request, int acceptedStatus) {
    if (facts.vendorDeliveryId() != null) {
      var earlier = events.findByVendorDeliveryId(source.id(), facts.vendorDeliveryId());
      if (earlier.isPresent()) {
        requestLog.accepted(source, request, acceptedStatus, earlier.get().id, true);
        return new AcceptedEvent(earlier.get().id, true);
      }
    }
    Instant now = clock.instant();
    StoredEvent event = new StoredEvent();
    event.id = Ids.newId(Ids.EVENT, clock);
    event.tenant = source.tenant();
    event.sourceId = source.id();
    event.ceSource = source.hookPath();
    event.vendor = source.vendor();
    event.operation = facts.operation();
    event.type = facts.type();
    event.subject = facts.subject();
    event.vendorDeliveryId = facts.vendorDeliveryId();
    event.contentType = request.contentType();
    event.headers = Redaction.headers(request.headers(), source);
    event.body = request.body();
    event.receivedAt = now;
    events.persist(event);
    outbox.persist(OutboxEntry.dueNow(event.id, now));
    requestLog.accepted(source, request, acceptedStatus, event.id, false);
    return new AcceptedEvent(event.id, false);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<String> findByVendorDeliveryId(String sourceId, String deliveryId) {
    return events.findByVendorDeliveryId(sourceId, deliveryId).map(event -> event.id);
  }
}
