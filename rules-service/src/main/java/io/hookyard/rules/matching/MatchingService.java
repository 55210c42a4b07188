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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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

  /**
   * What matching one batch reads and changes, kept for the batch and written at its end: the
   * subjects' states (locked when the batch began, moved on by each of its events in order) and the
   * envelopes that matching completed.
   */
  private static final class Batch {
    final Map<Subject, JsonNode> states;
    final Map<Subject, SubjectStates.Saved> changedStates = new LinkedHashMap<>();
    final Map<String, byte[]> completedEnvelopes = new LinkedHashMap<>();

    Batch(Map<Subject, JsonNode> states) {
      this.states = states;
    }
  }

  /** Returns how many delivery requests the batch produced. */
  @Transactional
  public int accept(List<CloudEvent> events) {
    Instant now = clock.instant();
    List<CloudEvent> fresh = recordNew(events, now);
    Batch batch = new Batch(states.lockAll(trackedSubjects(fresh), now));
    int matched = 0;
    for (CloudEvent event : fresh) {
      String tenant = tenantOf(event);
      try (EventTrace trace =
          EventTrace.start(
              tracer,
              "match " + event.getType(),
              SpanKind.CONSUMER,
              traceparentOf(event),
              tenant,
              event.getId())) {
        int count = match(event, tenant, batch, now);
        LOG.debugf("Event %s matched %d subscriptions", event.getId(), count);
        matched += count;
      }
    }
    receivedEvents.replaceEnvelopes(batch.completedEnvelopes);
    states.saveAll(batch.changedStates, now);
    return matched;
  }

  /**
   * Records the batch's events in one statement and returns those not taken in before, in batch
   * order; an event seen before, or twice in the batch, is skipped after its first time.
   */
  private List<CloudEvent> recordNew(List<CloudEvent> events, Instant now) {
    List<ReceivedEventRepository.Incoming> incoming = new ArrayList<>(events.size());
    for (CloudEvent event : events) {
      incoming.add(
          new ReceivedEventRepository.Incoming(
              event.getId(), tenantOf(event), event.getType(), CloudEventJson.serialize(event)));
    }
    Set<String> recorded = receivedEvents.recordNew(incoming, now);
    List<CloudEvent> fresh = new ArrayList<>(recorded.size());
    for (CloudEvent event : events) {
      if (recorded.remove(event.getId())) {
        fresh.add(event);
      } else {
        LOG.debugf("Event %s was taken in before; skipped", event.getId());
      }
    }
    return fresh;
  }

  private static String traceparentOf(CloudEvent event) {
    Object traceparent = event.getExtension(EventTrace.TRACEPARENT);
    return traceparent == null ? null : traceparent.toString();
  }

  /**
   * The subjects whose state the batch's real events read and change, in one global order: their
   * rows are locked in that order before any event is matched, so two replicas whose batches hold
   * the same subjects in different orders wait for each other instead of deadlocking. Events are
   * still applied in batch order afterwards.
   */
  private static SortedSet<Subject> trackedSubjects(List<CloudEvent> events) {
    SortedSet<Subject> subjects = new TreeSet<>();
    for (CloudEvent event : events) {
      Subject subject = subjectOf(event);
      if (subject != null && !EventAttributes.isMock(event)) {
        subjects.add(subject);
      }
    }
    return subjects;
  }

  private static Subject subjectOf(CloudEvent event) {
    Object sourceId = event.getExtension(EventAttributes.SOURCE_ID);
    if (event.getSubject() == null || sourceId == null) {
      return null;
    }
    return new Subject(tenantOf(event), sourceId.toString(), event.getSubject());
  }

  /**
   * Matches one new event. When it names a subject and carries JSON data, the subject's previous
   * state (locked for the batch) is what {@code old/…} and {@code changed/…} compare with, unless
   * the vendor sent one along; the operation is inferred when the vendor does not state it (Created
   * without previous state, Updated with), and the new state is kept for the next event of the
   * batch and saved with the batch. A mock event reads the state without locking it and changes
   * nothing.
   */
  private int match(CloudEvent event, String tenant, Batch batch, Instant now) {
    JsonNode data = EventFilterInput.dataOf(event);
    Subject subject = subjectOf(event);
    boolean tracked = subject != null && data != null;
    // A mock event is matched against the state as it is, but never changes it: a sample must not
    // become the state that a later real event is compared with.
    boolean mock = EventAttributes.isMock(event);
    JsonNode remembered = null;
    if (tracked) {
      remembered =
          mock && !batch.states.containsKey(subject)
              ? states.peek(subject)
              : batch.states.get(subject);
    }
    // What the vendor says the subject looked like wins over what we remember of it.
    JsonNode previous = EventFilterInput.previousDataOf(event).orElse(remembered);
    CloudEvent matched = withRememberedState(event, tracked, previous, remembered);
    if (matched != event) {
      batch.completedEnvelopes.put(event.getId(), CloudEventJson.serialize(matched));
    }
    EventFilterInput input = new EventFilterInput(matched, data, previous);
    int count = 0;
    String source = subject == null ? sourceOf(event) : subject.source();
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
      JsonNode next = deleted ? null : data;
      batch.states.put(subject, next);
      batch.changedStates.put(subject, new SubjectStates.Saved(next, event.getId()));
    }
    return count;
  }

  private static String sourceOf(CloudEvent event) {
    Object sourceId = event.getExtension(EventAttributes.SOURCE_ID);
    return sourceId == null ? null : sourceId.toString();
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
