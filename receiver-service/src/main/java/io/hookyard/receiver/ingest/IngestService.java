package io.hookyard.receiver.ingest;

import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.outbox.OutboxRelay;
import io.hookyard.receiver.source.Source;
import io.hookyard.receiver.source.SourceRepository;
import io.hookyard.receiver.source.SourceService;
import io.hookyard.receiver.vendor.EventFacts;
import io.hookyard.receiver.vendor.IncomingRequest;
import io.hookyard.receiver.vendor.Reply;
import io.hookyard.receiver.vendor.VendorAdapter;
import io.hookyard.receiver.vendor.VendorAdapters;
import io.hookyard.receiver.vendor.VerificationContext;
import io.hookyard.receiver.vendor.VerificationFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Handles one request to a hook URL: finds the source, lets its vendor adapter answer a handshake
 * or verify and read the request, commits the event, and wakes the outbox relay. Checks run
 * cheapest first and nothing is written until every check has passed.
 */
@ApplicationScoped
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);

  private final SourceRepository sources;
  private final SourceService sourceService;
  private final VendorAdapters adapters;
  private final EventWriter writer;
  private final OutboxRelay relay;
  private final ReceiverConfig config;
  private final Clock clock;

  public IngestService(
      SourceRepository sources,
      SourceService sourceService,
      VendorAdapters adapters,
      EventWriter writer,
      OutboxRelay relay,
      ReceiverConfig config,
      Clock clock) {
    this.sources = sources;
    this.sourceService = sourceService;
    this.adapters = adapters;
    this.writer = writer;
    this.relay = relay;
    this.config = config;
    this.clock = clock;
  }

  public Reply receive(String tenant, String sourceName, IncomingRequest request) {
    Source source = findEnabledSource(tenant, sourceName);
    if (request.body().length > source.maxBodyBytes) {
      throw ProblemException.payloadTooLarge(source.maxBodyBytes);
    }
    VendorAdapter adapter =
        adapters
            .find(source.vendor)
            .orElseThrow(() -> ProblemException.unavailable("This source's vendor is not loaded."));
    if (!adapter.profile().methods().contains(request.method())) {
      throw new ProblemException(
          Problem.of(
              405,
              "method-not-allowed",
              "Method not allowed",
              adapter.profile().displayName()
                  + " sources take "
                  + adapter.profile().methods()
                  + "."),
          Map.of("Allow", String.join(", ", adapter.profile().methods())));
    }
    VerificationContext context = contextFor(source, request);
    try {
      Optional<Reply> handshake = adapter.handshake(request, context);
      if (handshake.isPresent()) {
        return handshake.get();
      }
      adapter.verify(request, context);
    } catch (VerificationFailure failure) {
      throw new ProblemException(
          Problem.of(401, failure.check(), "Unauthorized", failure.getMessage()));
    }
    EventFacts facts = adapter.read(request);
    AcceptedEvent accepted = commit(source, adapter, facts, request);
    relay.signal();
    return adapter.accepted(accepted.id(), accepted.duplicate());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  Source findEnabledSource(String tenant, String sourceName) {
    return sources
        .findByName(tenant, sourceName)
        .filter(source -> source.enabled)
        // The same answer for an unknown tenant and an unknown source: nothing leaks.
        .orElseThrow(() -> ProblemException.notFound("No source is listening at this address."));
  }

  private VerificationContext contextFor(Source source, IncomingRequest request) {
    String url = config.publicUrl() + "/hooks/" + source.tenant + "/" + source.name;
    if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
      url += "?" + request.rawQuery();
    }
    return new VerificationContext(
        sourceService.verifyingSecrets(source.id), source.settings, clock, url);
  }

  private AcceptedEvent commit(
      Source source, VendorAdapter adapter, EventFacts facts, IncomingRequest request) {
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
      LOG.errorf(e, "Could not commit an event for source %s (%s)", source.id, adapter.vendor());
      throw ProblemException.unavailable("The event could not be stored; please retry.");
    }
  }
}
