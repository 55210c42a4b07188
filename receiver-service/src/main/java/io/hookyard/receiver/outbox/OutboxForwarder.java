package io.hookyard.receiver.outbox;

import io.cloudevents.CloudEvent;
import io.hookyard.common.worker.Backoff;
import io.hookyard.common.worker.PeerPause;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.ingest.StoredEvent;
import io.hookyard.receiver.ingest.StoredEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/**
 * Moves one batch of due outbox entries to rules-service. The entries stay locked for the whole
 * exchange, and are deleted only when rules-service has confirmed the batch; if it does not, they
 * get a later attempt time and wait.
 */
@ApplicationScoped
public class OutboxForwarder {
  private static final Logger LOG = Logger.getLogger(OutboxForwarder.class);

  private final OutboxRepository outbox;
  private final StoredEventRepository events;
  private final RulesGateway rules;
  private final EventEnvelopes envelopes;
  private final ReceiverConfig.Outbox config;
  private final Backoff backoff;
  private final PeerPause peerPause;
  private final Clock clock;

  public OutboxForwarder(
      OutboxRepository outbox,
      StoredEventRepository events,
      RulesGateway rules,
      EventEnvelopes envelopes,
      ReceiverConfig config,
      Clock clock) {
    this.outbox = outbox;
    this.events = events;
    this.rules = rules;
    this.envelopes = envelopes;
    this.config = config.outbox();
    this.backoff = new Backoff(this.config.initialBackoff(), this.config.maxBackoff());
    this.peerPause = new PeerPause(backoff);
    this.clock = clock;
  }

  /**
   * Sends an empty batch to say hello: the log shows at once whether the peer is reachable, and the
   * first real event does not pay for opening the connection.
   */
  public void probePeer() {
    try {
      rules.forward(List.of());
      LOG.infof("rules-service is reachable");
    } catch (RuntimeException e) {
      LOG.infof(
          "rules-service is not reachable yet (%s); events wait in the outbox until it is",
          e.toString());
    }
  }

  /**
   * Forwards one batch unless the peer failed recently; true when a full batch went, so there may
   * be more right away.
   */
  public boolean forwardIfPeerUp() {
    return !peerPause.isPaused(clock.instant()) && forwardBatch();
  }

  @Transactional
  boolean forwardBatch() {
    Instant now = clock.instant();
    List<OutboxEntry> due = outbox.lockDue(now, config.batchSize());
    if (due.isEmpty()) {
      return false;
    }
    try {
      rules.forward(envelopes(due));
    } catch (RuntimeException e) {
      LOG.warnf("rules-service did not take %d events, they wait in the outbox: %s", due.size(), e);
      scheduleRetries(due, now, e);
      peerPause.failed(now);
      return false;
    }
    peerPause.succeeded();
    outbox.remove(due.stream().map(entry -> entry.eventId).toList());
    return due.size() == config.batchSize();
  }

  private List<CloudEvent> envelopes(List<OutboxEntry> due) {
    List<String> ids = due.stream().map(entry -> entry.eventId).toList();
    Map<String, StoredEvent> byId = new HashMap<>();
    // Read-only: nothing here changes an event, so Hibernate keeps no copy to compare at commit.
    events
        .find("id in ?1", ids)
        .withHint(HibernateHints.HINT_READ_ONLY, true)
        .list()
        .forEach(event -> byId.put(event.id, event));
    return ids.stream().map(byId::get).map(envelopes::envelope).toList();
  }

  /** Puts the batch off, one statement per number of earlier attempts (usually one in all). */
  private void scheduleRetries(List<OutboxEntry> due, Instant now, RuntimeException cause) {
    String message = String.valueOf(cause.getMessage());
    String lastError = message.length() > 500 ? message.substring(0, 500) : message;
    due.stream()
        .collect(
            Collectors.groupingBy(
                entry -> entry.attempts + 1,
                Collectors.mapping(entry -> entry.eventId, Collectors.toList())))
        .forEach(
            (attempts, ids) ->
                outbox.postpone(ids, attempts, now.plus(backoff.after(attempts)), lastError));
  }
}
