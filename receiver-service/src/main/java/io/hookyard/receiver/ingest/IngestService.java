package io.hookyard.receiver.ingest;

import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.outbox.OutboxRelay;
import io.hookyard.receiver.source.Source;
import io.hookyard.receiver.source.SourceRepository;
import io.hookyard.receiver.vendor.EventFacts;
import io.hookyard.receiver.vendor.IncomingRequest;
import io.hookyard.receiver.vendor.VendorAdapter;
import io.hookyard.receiver.vendor.VendorAdapters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Accepts one request to a hook URL: finds the source, lets its vendor adapter verify and read it,
 * commits it, and wakes the outbox relay. Checks run cheapest first and nothing is written until
 * every check has passed.
 */
@ApplicationScoped
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);

  private final SourceRepository sources;
  private final VendorAdapters adapters;
  private final EventWriter writer;
  private final OutboxRelay relay;

  public IngestService(
      SourceRepository sources, VendorAdapters adapters, EventWriter writer, OutboxRelay relay) {
    this.sources = sources;
    this.adapters = adapters;
    this.writer = writer;
    this.relay = relay;
  }

  public AcceptedEvent accept(String tenant, String sourceName, IncomingRequest request) {
    Source source = findEnabledSource(tenant, sourceName);
    if (request.body().length > source.maxBodyBytes) {
      throw ProblemException.payloadTooLarge(source.maxBodyBytes);
    }
    VendorAdapter adapter =
        adapters
            .find(source.vendor)
            .orElseThrow(() -> ProblemException.unavailable("This source's vendor is not loaded."));
    adapter.verify(source, request);
    EventFacts facts = adapter.read(request);
    AcceptedEvent accepted = commit(source, facts, request);
    relay.signal();
    return accepted;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  Source findEnabledSource(String tenant, String sourceName) {
    return sources
        .findByName(tenant, sourceName)
        .filter(source -> source.enabled)
        // The same answer for an unknown tenant and an unknown source: nothing leaks.
        .orElseThrow(() -> ProblemException.notFound("No source is listening at this address."));
  }

  private AcceptedEvent commit(Source source, EventFacts facts, IncomingRequest request) {
    try {
      return writer.write(source, facts, request);
    } catch (RuntimeException e) {
      // A concurrent redelivery of the same vendor delivery id may have won the race.
      Optional<String> winner =
          facts.vendorDeliveryId() == null
              ? Optional.empty()
              : writer.findByVendorDeliveryId(source.id, facts.vendorDeliveryId());
      if (winner.isPresent()) {
        return new AcceptedEvent(winner.get(), true);
      }
      // Vendors retry a 5xx but drop a 4xx, so failing to commit must never look like bad input.
      LOG.errorf(e, "Could not commit an event for source %s", source.id);
      throw ProblemException.unavailable("The event could not be stored; please retry.");
    }
  }
}
