package io.hookyard.receiver.ingest;

import io.hookyard.common.id.Ids;
import io.hookyard.common.observability.EventTrace;
import io.hookyard.receiver.source.ActiveSource;
import io.hookyard.receiver.vendor.EventFacts;
import io.hookyard.receiver.vendor.IncomingRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Commits an accepted event with its outbox entry, through the group committer, and returns only
 * once they are committed. The event is also its request's log entry (ADR 44).
 */
@Singleton
public class EventWriter {
  private static final Logger LOG = Logger.getLogger(EventWriter.class);
  private final GroupCommitter committer;
  private final Clock clock;

  public EventWriter(GroupCommitter committer, Clock clock) {
    this.committer = committer;
    this.clock = clock;
  }

  /**
   * Writes the event; the stage completes once it is committed, or fails with {@link
   * CommitFailedException} when it could not be committed in time.
   */
  public CompletionStage<AcceptedEvent> write(
      ActiveSource source, EventFacts facts, IncomingRequest request, int acceptedStatus) {
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
    event.contentType = request.contentType() == null ? "" : request.contentType();
    event.headers = Redaction.headers(request.headers(), source);
    event.body = request.body();
    event.receivedAt = now;
    event.traceparent = EventTrace.currentTraceparent();
    event.method = request.method();
    event.responseStatus = acceptedStatus;
    // Filling the MDC costs more than the rest of this method; only for a line that is written.
    if (LOG.isDebugEnabled()) {
      try (EventTrace.InMdc inMdc = EventTrace.inMdc(event.tenant, event.id)) {
        LOG.debugf("Committing event %s of source %s", event.id, source.id());
      }
    }
    return committer
        .submit(event)
        .exceptionallyCompose(
            failure -> CompletableFuture.failedFuture(new CommitFailedException(failure)));
  }

  /** The event could not be committed; the vendor should send it again. */
  public static class CommitFailedException extends RuntimeException {
    CommitFailedException(Throwable cause) {
      super("The event could not be committed", cause);
    }
  }
}
