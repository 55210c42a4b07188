package io.hookyard.rules.subscription;

import io.hookyard.common.action.Action;
import io.hookyard.common.action.ActionChecks;
import io.hookyard.common.audit.AuditTrail;
import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.rules.destination.Destinations;
import io.hookyard.rules.filter.FilterCompiler;
import io.hookyard.rules.filter.FilterSyntaxException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Creates, replaces, reads and deletes subscriptions. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SubscriptionService {
  private final SubscriptionRepository subscriptions;
  private final SubscriptionIndex index;
  private final Destinations destinations;
  private final ActionChecks actionChecks;
  private final AuditTrail audit;
  private final Clock clock;

  public SubscriptionService(
      SubscriptionRepository subscriptions,
      SubscriptionIndex index,
      Destinations destinations,
      ActionChecks actionChecks,
      AuditTrail audit,
      Clock clock) {
    this.audit = audit;
    this.subscriptions = subscriptions;
    this.index = index;
    this.destinations = destinations;
    this.actionChecks = actionChecks;
    this.clock = clock;
  }

  public SubscriptionView create(String tenant, SubscriptionRequest request) {
    validate(tenant, request);
    if (subscriptions.nameTaken(tenant, request.name())) {
      throw ProblemException.conflict(
          "subscription-exists",
          "This tenant already has a subscription named '" + request.name() + "'.");
    }
    Subscription subscription = new Subscription();
    subscription.id = Ids.newId(Ids.SUBSCRIPTION, clock);
    subscription.tenant = tenant;
    subscription.createdAt = clock.instant();
    apply(subscription, request);
    subscriptions.persist(subscription);
    index.invalidate(tenant);
    SubscriptionView created = SubscriptionView.of(subscription);
    audit.record(tenant, "subscription", subscription.id, "create", null, created);
    return created;
  }

  public SubscriptionView replace(String tenant, String id, SubscriptionRequest request) {
    validate(tenant, request);
    Subscription subscription = find(tenant, id);
    if (!subscription.name.equals(request.name())
        && subscriptions.nameTaken(tenant, request.name())) {
      throw ProblemException.conflict(
          "subscription-exists",
          "This tenant already has a subscription named '" + request.name() + "'.");
    }
    SubscriptionView before = SubscriptionView.of(subscription);
    apply(subscription, request);
    index.invalidate(tenant);
    SubscriptionView after = SubscriptionView.of(subscription);
    audit.record(tenant, "subscription", subscription.id, "replace", before, after);
    return after;
  }

  public void delete(String tenant, String id) {
    Subscription subscription = find(tenant, id);
    SubscriptionView before = SubscriptionView.of(subscription);
    subscriptions.delete(subscription);
    index.invalidate(tenant);
    audit.record(tenant, "subscription", subscription.id, "delete", before, null);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SubscriptionView> list(String tenant) {
    return subscriptions.listByTenant(tenant).stream().map(SubscriptionView::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SubscriptionView get(String tenant, String id) {
    return SubscriptionView.of(find(tenant, id));
  }

  private void checkAction(Action action, List<Problem.FieldError> errors) {
    errors.addAll(actionChecks.check(action, "action"));
    for (int i = 0; i < action.steps().size(); i++) {
      checkFilter(action.steps().get(i).condition(), "action.steps[" + i + "].condition", errors);
    }
    if (action.errorRoute() != null) {
      checkFilter(action.errorRoute().when(), "action.errorRoute.when", errors);
    }
  }

  private static void checkFilter(String filter, String field, List<Problem.FieldError> errors) {
    if (filter == null || filter.isBlank()) {
      return;
    }
    try {
      FilterCompiler.validate(filter);
    } catch (FilterSyntaxException e) {
      // The message names the line, the column and what was expected there.
      errors.add(new Problem.FieldError(field, e.getMessage()));
    }
  }

  private Subscription find(String tenant, String id) {
    return subscriptions
        .findInTenant(tenant, id)
        .orElseThrow(
            () -> ProblemException.notFound("No subscription '" + id + "' in this tenant."));
  }

  private void apply(Subscription subscription, SubscriptionRequest request) {
    Instant now = clock.instant();
    subscription.name = request.name();
    subscription.description = request.description();
    subscription.enabled = request.enabled() == null || request.enabled();
    subscription.eventTypes = List.copyOf(request.eventTypes());
    subscription.sources = request.sources() == null ? List.of() : List.copyOf(request.sources());
    subscription.filter =
        request.filter() == null || request.filter().isBlank() ? null : request.filter();
    subscription.action = request.effectiveAction();
    subscription.destinationId = subscription.action.steps().getFirst().destinationId();
    subscription.updatedAt = now;
  }

  /**
   * Checks every field and reports all problems at once; the destinations are asked of
   * delivery-service only when the rest is valid, so a bad request costs no remote call.
   */
  private void validate(String tenant, SubscriptionRequest request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (String pattern : request.eventTypes()) {
      if (!EventTypePattern.isValid(pattern)) {
        errors.add(
            new Problem.FieldError(
                "eventTypes", "'" + pattern + "' is not an event type, 'prefix.*' or '*'"));
      }
    }
    checkFilter(request.filter(), "filter", errors);
    if ((request.action() == null) == (request.destinationId() == null)) {
      errors.add(new Problem.FieldError("action", "give either a destinationId or an action"));
    } else if (request.action() != null) {
      checkAction(request.action(), errors);
    }
    if (errors.isEmpty()) {
      for (String destination : request.effectiveAction().destinationIds()) {
        if (!destinations.exists(tenant, destination)) {
          errors.add(
              new Problem.FieldError(
                  request.action() == null ? "destinationId" : "action",
                  "this tenant has no destination '" + destination + "'"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.of(400, "invalid-input", "Bad request", "The request has invalid fields.")
              .withErrors(errors));
    }
  }
}
