package io.hookyard.rules.matching;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.common.id.Ids;
import io.hookyard.common.observability.EventTrace;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.rules.subscription.Subscription;
import io.hookyard.rules.subscription.SubscriptionIndex;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Takes in a batch of events and turns each match with an enabled subscription (its event types,
 * then its filter) into a delivery request, all in one transaction. An event seen before is
 * skipped, so a resent batch never produces a second delivery.
 */
@ApplicationScoped
public class MatchingService {
  private static final Logger LOG = Logger.getLogger(MatchingService.class);
  private final ReceivedEventRepository receivedEvents;
  private final DeliveryRequestRepository requests;
  private final SubscriptionIndex index;
  private final SubjectStates states;
  private final Tracer tracer;
  private final Clock clock;

  public MatchingService(
      ReceivedEventRepository receivedEvents,
      DeliveryRequestRepository requests,
      SubscriptionIndex index,
      SubjectStates states,
      Tracer tracer,
      Clock clock) {
    this.receivedEvents = receivedEvents;
    this.requests = requests;
    this.index = index;
    this.states = states;
    this.tracer = tracer;
    this.clock = clock;
  }

  /** Returns how many delivery requests the batch produced. */
  @Transactional
  public int accept(List<CloudEvent> events) {
    Instant now = clock.instant();
    lockSubjectsInOrder(events, now);
    int matched = 0;
    for (CloudEvent event : events) {
      String tenant = tenantOf(event);
      try (EventTrace trace =
          EventTrace.start(
              tracer,
              "match " + event.getType(),
              SpanKind.CONSUMER,
              traceparentOf(event),
              tenant,
              event.getId())) {
        matched += recordAndMatch(event, tenant, now);
      }
    }
    return matched;
  }

  private int recordAndMatch(CloudEvent event, String tenant, Instant now) {
    byte[] envelope = CloudEventJson.serialize(event);
    if (!receivedEvents.recordIfNew(event.getId(), tenant, event.getType(), envelope, now)) {
      LOG.debugf("Event %s was taken in before; skipped", event.getId());
      return 0;
    }
    int matched = match(event, tenant, now);
    LOG.debugf("Event %s matched %d subscriptions", event.getId(), matched);
    return matched;
  }

  private static String traceparentOf(CloudEvent event) {
    Object traceparent = event.getExtension(EventTrace.TRACEPARENT);
    return traceparent == null ? null : traceparent.toString();
  }

  /**
   * Locks the state rows of every subject in the batch, in one global order, before any event is
   * matched: two replicas whose batches hold the same subjects in different orders then wait for
   * each other instead of deadlocking. Events are still applied in batch order afterwards.
   */
  private void lockSubjectsInOrder(List<CloudEvent> events, Instant now) {
    record SubjectKey(String tenant, String source, String subject) {}
    java.util.SortedSet<SubjectKey> keys =
        new java.util.TreeSet<>(
            java.util.Comparator.comparing(SubjectKey::tenant)
                .thenComparing(SubjectKey::source)
                .thenComparing(SubjectKey::subject));
    for (CloudEvent event : events) {
      Object sourceId = event.getExtension(EventAttributes.SOURCE_ID);
      if (event.getSubject() != null && sourceId != null && !EventAttributes.isMock(event)) {
        keys.add(new SubjectKey(tenantOf(event), sourceId.toString(), event.getSubject()));
      }
    }
    keys.forEach(key -> states.lockPrevious(key.tenant(), key.source(), key.subject(), now));
  }

  /**
   * Matches one new event. When it names a subject and carries JSON data, the subject's previous
   * state is locked and read first (for {@code old/…} and {@code changed/…}; a previous state the
   * vendor sent along takes its place), the operation is inferred when the vendor does not state it
   * (Created without previous state, Updated with), and the new state is saved in the same
   * transaction. A mock event reads the state without locking it and saves nothing.
   */
  private int match(CloudEvent event, String tenant, Instant now) {
    JsonNode data = EventFilterInput.dataOf(event);
    Object sourceId = event.getExtension(EventAttributes.SOURCE_ID);
    boolean tracked = event.getSubject() != null && sourceId != null && data != null;
    // A mock event is matched against the state as it is, but never changes it: a sample must not
    // become the state that a later real event is compared with.
    boolean mock = EventAttributes.isMock(event);
    JsonNode remembered = null;
    if (tracked) {
      remembered =
          mock
              ? states.peek(tenant, sourceId.toString(), event.getSubject())
              : states.lockPrevious(tenant, sourceId.toString(), event.getSubject(), now);
    }
    // What the vendor says the subject looked like wins over what we remember of it.
    JsonNode previous = EventFilterInput.previousDataOf(event).orElse(remembered);
    CloudEvent matched = withRememberedState(event, tracked, previous, remembered);
    if (matched != event) {
      receivedEvents.replaceEnvelope(event.getId(), CloudEventJson.serialize(matched));
    }
    EventFilterInput input = new EventFilterInput(matched, data, previous);
    int count = 0;
    String source = sourceId == null ? null : sourceId.toString();
    for (Subscription subscription : index.candidates(tenant, event.getType(), source)) {
      ActionPlan plan =
          input.passes(subscription.filter) ? ActionPlan.of(subscription.action, input) : null;
      if (plan != null) {
        requests.persist(newRequest(event.getId(), tenant, subscription, plan, now));
        count++;
      }
    }
    if (tracked && !mock) {
      boolean deleted = "Deleted".equals(matched.getExtension(EventAttributes.OPERATION));
      states.save(
          tenant,
          sourceId.toString(),
          event.getSubject(),
          deleted ? null : data,
          event.getId(),
          now);
    }
    return count;
  }

  /**
   * The envelope as delivered: with the operation inferred when the vendor does not state it
   * (Created without previous state, Updated with) and the remembered previous state, so that
   * delivery-service's templates see {@code old} and {@code changed} as the filters did.
   */
  private static CloudEvent withRememberedState(
      CloudEvent event, boolean tracked, JsonNode previous, JsonNode remembered) {
    if (!tracked) {
      return event;
    }
    CloudEventBuilder builder = null;
    if (event.getExtension(EventAttributes.OPERATION) == null) {
      builder = CloudEventBuilder.v1(event);
      builder.withExtension(EventAttributes.OPERATION, previous == null ? "Created" : "Updated");
    }
    if (event.getExtension(EventAttributes.PREVIOUS_DATA) == null && remembered != null) {
      builder = builder == null ? CloudEventBuilder.v1(event) : builder;
      builder.withExtension(EventAttributes.PREVIOUS_DATA, remembered.toString());
    }
    return builder == null ? event : builder.build();
  }

  private DeliveryRequestRecord newRequest(
      String eventId, String tenant, Subscription subscription, ActionPlan plan, Instant now) {
    DeliveryRequestRecord request = new DeliveryRequestRecord();
    request.id = Ids.newId(Ids.DELIVERY, clock);
    request.tenant = tenant;
    request.eventId = eventId;
    request.subscriptionId = subscription.id;
    request.destinationId = plan.action().steps().getFirst().destinationId();
    request.action = plan.action();
    request.errorReason = plan.errorReason();
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
