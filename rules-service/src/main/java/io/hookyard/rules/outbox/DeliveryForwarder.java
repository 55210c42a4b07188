package io.hookyard.rules.outbox;

import io.hookyard.common.delivery.DeliveryRequest;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.worker.Backoff;
import io.hookyard.common.worker.PeerPause;
import io.hookyard.rules.config.RulesConfig;
import io.hookyard.rules.matching.DeliveryRequestRecord;
import io.hookyard.rules.matching.DeliveryRequestRepository;
import io.hookyard.rules.matching.ReceivedEvent;
import io.hookyard.rules.matching.ReceivedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/**
 * Moves one batch of due delivery requests to delivery-service. They stay locked for the exchange
 * and are marked forwarded only once delivery-service has confirmed them.
 */
@ApplicationScoped
public class DeliveryForwarder {
  private static final Logger LOG = Logger.getLogger(DeliveryForwarder.class);

  private final DeliveryRequestRepository requests;
  private final ReceivedEventRepository events;
  private final DeliveryGateway delivery;
  private final RulesConfig.Outbox config;
  private final Backoff backoff;
  private final PeerPause peerPause;
  private final Clock clock;

  public DeliveryForwarder(
      DeliveryRequestRepository requests,
      ReceivedEventRepository events,
      DeliveryGateway delivery,
      RulesConfig config,
      Clock clock) {
    this.requests = requests;
    this.events = events;
    this.delivery = delivery;
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
      delivery.forward(List.of());
      LOG.infof("delivery-service is reachable");
    } catch (RuntimeException e) {
      LOG.infof(
          "delivery-service is not reachable yet (%s); matched deliveries wait in the outbox until it is",
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
    List<DeliveryRequestRecord> due = requests.lockDue(now, config.batchSize());
    if (due.isEmpty()) {
      return false;
    }
    try {
      delivery.forward(toRequests(due));
    } catch (RuntimeException e) {
      LOG.warnf("delivery-service did not take %d requests, they wait: %s", due.size(), e);
      due.forEach(request -> scheduleRetry(request, now, e));
      peerPause.failed(now);
      return false;
    }
    peerPause.succeeded();
    requests.markForwarded(due.stream().map(request -> request.id).toList(), now);
    return due.size() == config.batchSize();
  }

  private List<DeliveryRequest> toRequests(List<DeliveryRequestRecord> due) {
    List<String> eventIds = due.stream().map(request -> request.eventId).distinct().toList();
    Map<String, ReceivedEvent> byId = new HashMap<>();
    events
        .find("id in ?1", eventIds)
        .withHint(HibernateHints.HINT_READ_ONLY, true)
        .list()
        .forEach(event -> byId.put(event.id, event));
    return due.stream()
        .map(
            request ->
                new DeliveryRequest(
                    request.id,
                    request.tenant,
                    request.subscriptionId,
                    request.destinationId,
                    CloudEventJson.deserialize(byId.get(request.eventId).envelope),
                    request.action,
                    request.errorReason))
        .toList();
  }

  private void scheduleRetry(DeliveryRequestRecord request, Instant now, RuntimeException cause) {
    int attempts = request.attempts + 1;
    String message = String.valueOf(cause.getMessage());
    requests.postpone(
        request.id,
        attempts,
        now.plus(backoff.after(attempts)),
        message.length() > 500 ? message.substring(0, 500) : message);
  }
}
