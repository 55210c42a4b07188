package io.hookyard.rules.dryrun;

import io.cloudevents.CloudEvent;
import io.hookyard.common.action.RenderedStep;
import io.hookyard.common.action.Step;
import io.hookyard.common.action.StepRenderer;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.template.TemplateContext;
import io.hookyard.common.template.TemplateException;
import io.hookyard.rules.destination.Destinations;
import io.hookyard.rules.filter.Explanation;
import io.hookyard.rules.matching.ActionPlan;
import io.hookyard.rules.matching.EventFilterInput;
import io.hookyard.rules.subscription.EventTypePattern;
import io.hookyard.rules.subscription.Subscription;
import io.hookyard.rules.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tries a subscription on an event without sending anything: whether it matches and, if not, which
 * clause failed; if it does, every step rendered as it would be sent, credentials masked.
 */
@ApplicationScoped
public class DryRunService {
  private final SubscriptionRepository subscriptions;
  private final DryRunEvents events;
  private final Destinations destinations;
  private final StepRenderer renderer;

  public DryRunService(
      SubscriptionRepository subscriptions,
      DryRunEvents events,
      Destinations destinations,
      StepRenderer renderer) {
    this.subscriptions = subscriptions;
    this.events = events;
    this.destinations = destinations;
    this.renderer = renderer;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DryRunResult run(String tenant, String subscriptionId, DryRunRequest request) {
    Subscription subscription =
        subscriptions
            .findInTenant(tenant, subscriptionId)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "No subscription '" + subscriptionId + "' in this tenant."));
    CloudEvent event = events.eventOf(tenant, request);
    EventFilterInput input =
        new EventFilterInput(
            event,
            EventFilterInput.dataOf(event),
            EventFilterInput.previousDataOf(event).orElse(null));
    String mismatch = mismatch(subscription, event);
    if (mismatch != null) {
      return DryRunResult.noMatch(mismatch, null);
    }
    Explanation failed = input.explain(subscription.filter);
    if (failed != null) {
      return DryRunResult.noMatch(
          "The filter is false for this event.",
          new DryRunResult.FailedClause(
              failed.clause(), failed.line(), failed.column(), failed.detail()));
    }
    ActionPlan plan = ActionPlan.of(subscription.action, input);
    List<Step> planned = plan == null ? List.of() : plan.action().steps();
    List<Step> shown =
        plan != null && plan.errorReason() != null ? planned : subscription.action.steps();
    return new DryRunResult(
        true,
        null,
        null,
        plan == null ? null : plan.errorReason(),
        previews(tenant, event, shown, planned, plan));
  }

  private static String mismatch(Subscription subscription, CloudEvent event) {
    if (!subscription.enabled) {
      return "The subscription is disabled.";
    }
    if (subscription.eventTypes.stream()
        .noneMatch(pattern -> EventTypePattern.matches(pattern, event.getType()))) {
      return "The event type '"
          + event.getType()
          + "' is not among the subscription's "
          + subscription.eventTypes
          + ".";
    }
    Object source = event.getExtension(EventAttributes.SOURCE_ID);
    if (source != null && !subscription.takesSource(source.toString())) {
      return "The subscription does not take events of source '" + source + "'.";
    }
    return null;
  }

  private List<DryRunResult.StepPreview> previews(
      String tenant, CloudEvent event, List<Step> shown, List<Step> planned, ActionPlan plan) {
    TemplateContext context = TemplateContext.of(event).withCredentials(masked());
    if (plan != null && plan.errorReason() != null) {
      context.withError(null, plan.errorReason());
    }
    List<DryRunResult.StepPreview> previews = new ArrayList<>();
    for (Step step : shown) {
      if (!planned.contains(step)) {
        previews.add(
            new DryRunResult.StepPreview(
                step.name(), step.destinationId(), true, null, null, null, null, null, null));
        continue;
      }
      previews.add(preview(tenant, step, event, context));
    }
    return previews;
  }

  private DryRunResult.StepPreview preview(
      String tenant, Step step, CloudEvent event, TemplateContext context) {
    String baseUrl = destinations.baseUrl(tenant, step.destinationId()).orElse("");
    try {
      return switch (renderer.render(step, event, context, baseUrl)) {
        case RenderedStep.Request request ->
            new DryRunResult.StepPreview(
                step.name(),
                step.destinationId(),
                null,
                request.method(),
                request.url(),
                request.headers(),
                new String(request.body(), StandardCharsets.UTF_8),
                null,
                null);
        case RenderedStep.Mail mail ->
            new DryRunResult.StepPreview(
                step.name(), step.destinationId(), null, null, null, null, null, mail(mail), null);
      };
    } catch (TemplateException e) {
      // Later steps may need earlier responses, which a dry run never has.
      return new DryRunResult.StepPreview(
          step.name(), step.destinationId(), null, null, null, null, null, null, e.getMessage());
    }
  }

  private static Map<String, Object> mail(RenderedStep.Mail mail) {
    Map<String, Object> email = new LinkedHashMap<>();
    email.put("to", mail.to());
    if (!mail.cc().isEmpty()) {
      email.put("cc", mail.cc());
    }
    email.put("subject", mail.subject());
    if (mail.html() != null) {
      email.put("html", mail.html());
    }
    if (mail.text() != null) {
      email.put("text", mail.text());
    }
    return email;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, String>> masked() {
    // The masking map answers every name; the cast only satisfies the context's signature.
    return (Map<String, Map<String, String>>) (Map<?, ?>) MaskedCredentials.ALL;
  }
}
