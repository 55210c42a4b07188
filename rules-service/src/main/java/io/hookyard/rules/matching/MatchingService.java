package io.hookyard.rules.matching;

import io.cloudevents.CloudEvent;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.rules.subscription.Subscription;
import io.hookyard.rules.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Takes in a batch of events and turns each match with an enabled subscription (its event types,
 * then its filter) into a delivery request, all in one transaction. An event seen before is
 * skipped, so a resent batch never produces a second delivery.
 */
@ApplicationScoped
public class MatchingService {
  private final ReceivedEventRepository receivedEvents;
  private final DeliveryRequestRepository requests;
  private final SubscriptionRepository subscriptions;
  private final Clock clock;

  public MatchingService(
      ReceivedEventRepository receivedEvents,
      DeliveryRequestRepository requests,
      SubscriptionRepository subscriptions,
      Clock clock) {
    this.receivedEvents = receivedEvents;
    this.requests = requests;
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  /** Returns how many delivery requests the batch produced. */
  @Transactional
  public int accept(List<CloudEvent> events) {
    Instant now = clock.instant();
    int matched = 0;
    for (CloudEvent event : events) {
      String tenant = tenantOf(event);
      byte[] envelope = CloudEventJson.serialize(event);
      if (!receivedEvents.recordIfNew(event.getId(), tenant, event.getType(), envelope, now)) {
        continue;
      }
      EventFilterInput input = new EventFilterInput(event);
      for (Subscription subscription : subscriptions.enabledIn(tenant)) {
        if (subscription.matchesType(event.getType()) && input.passes(subscription.filter)) {
          requests.persist(newRequest(event.getId(), tenant, subscription, now));
          matched++;
        }
      }
    }
    return matched;
  }

  private DeliveryRequestRecord newRequest(
      String eventId, String tenant, Subscription subscription, Instant now) {
    DeliveryRequestRecord request = new DeliveryRequestRecord();
    request.id = Ids.newId(Ids.DELIVERY, clock);
    request.tenant = tenant;
    request.eventId = eventId;
    request.subscriptionId = subscription.id;
    request.destinationId = subscription.destinationId;
    request.createdAt = now;
    request.nextAttemptAt = now;
    return request;
  }

  private static String tenantOf(CloudEvent event) {
    Object tenant = event.getExtension(EventAttributes.TENANT);
    if (tenant == null) {
      throw ProblemException.badRequest(
          "missing-tenant", "Event " + event.getId() + " has no tenant attribute.");
    }
    return tenant.toString();
  }
}
