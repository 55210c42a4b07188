package io.hookyard.delivery.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.hookyard.common.action.Email;
import io.hookyard.common.action.RenderedStep;
import io.hookyard.common.action.Step;
import io.hookyard.common.action.StepRenderer;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.template.TemplateContext;
import io.hookyard.common.template.TemplateException;
import io.hookyard.delivery.credential.AppliedCredential;
import io.hookyard.delivery.credential.CredentialApplier;
import io.hookyard.delivery.credential.CredentialException;
import io.hookyard.delivery.credential.CredentialStore;
import io.hookyard.delivery.credential.ResolvedCredential;
import io.hookyard.delivery.delivery.AttemptDecision;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.Claim;
import io.hookyard.delivery.delivery.DeadReason;
import io.hookyard.delivery.delivery.FailurePolicy;
import io.hookyard.delivery.delivery.Outcome;
import io.hookyard.delivery.delivery.OutgoingRequest;
import io.hookyard.delivery.delivery.RequestBuilder;
import io.hookyard.delivery.delivery.RetrySchedule;
import io.hookyard.delivery.destination.DestinationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one attempt of a claimed delivery. A plain delivery sends its event to the destination. An
 * action's delivery runs its current step: the templates see the event, the responses of the steps
 * that succeeded before, the credentials they name and, on the error route, the failure; the
 * rendered step goes through the channel for its kind, and {@link ActionProgress} says how the
 * delivery moves on. A template that cannot be rendered fails the step for good at once: a retry
 * would render the same.
 */
@ApplicationScoped
public class StepRunner {
  private static final Pattern CREDENTIAL_USE = Pattern.compile("credentials\\.([a-z][a-z0-9_]*)");

  private final RequestBuilder builder;
  private final HttpStepChannel http;
  private final StepChannels channels;
  private final StepRenderer renderer;
  private final FailurePolicy policy;
  private final CredentialStore credentialStore;
  private final CredentialApplier credentials;
  private final Clock clock;

  public StepRunner(
      RequestBuilder builder,
      HttpStepChannel http,
      StepChannels channels,
      StepRenderer renderer,
      FailurePolicy policy,
      CredentialStore credentialStore,
      CredentialApplier credentials,
      Clock clock) {
    this.builder = builder;
    this.http = http;
    this.channels = channels;
    this.renderer = renderer;
    this.policy = policy;
    this.credentialStore = credentialStore;
    this.credentials = credentials;
    this.clock = clock;
  }

  public Outcome run(Claim claim, DestinationSettings destination) {
    return claim.action() == null ? plain(claim, destination) : step(claim, destination);
  }

  private Outcome plain(Claim claim, DestinationSettings destination) {
    int attempt = claim.attemptsThisRound() + 1;
    AttemptResult result;
    try {
      AppliedCredential credential = destinationCredential(destination);
      Set<String> secrets = credential == null ? Set.of() : credential.secrets();
      result =
          http.exchange(
              applied -> builder.build(claim, destination, HttpStepChannel.headers(applied)),
              destination,
              credential,
              secrets);
    } catch (CredentialException e) {
      result =
          failure(
              OutgoingRequest.DELIVER,
              destination,
              AttemptResult.ErrorClass.CREDENTIAL,
              e.getMessage());
    }
    return new Outcome(claim, result, policy.decide(result, destination, attempt));
  }

  private Outcome step(Claim claim, DestinationSettings destination) {
    ActionState state = claim.action();
    Step step = state.current();
    int attempt = claim.attemptsThisRound() + 1;
    List<Duration> waits =
        step.retrySchedule() == null ? null : RetrySchedule.parseWaits(step.retrySchedule());
    Set<String> secrets = new HashSet<>();
    AppliedCredential credential;
    Map<String, Map<String, String>> named;
    try {
      credential = destinationCredential(destination);
      if (credential != null) {
        secrets.addAll(credential.secrets());
      }
      named = namedCredentials(claim.tenant(), step, secrets);
    } catch (CredentialException e) {
      AttemptResult result =
          failure(step.name(), destination, AttemptResult.ErrorClass.CREDENTIAL, e.getMessage());
      AttemptDecision decision = policy.decide(result, destination, attempt, waits);
      return outcome(claim, state, result, decision, DeadReason.SCHEDULE_EXHAUSTED);
    }
    RenderedStep rendered;
    try {
      rendered = render(claim, state, step, destination, named);
    } catch (TemplateException e) {
      String reason =
          "Step '"
              + step.name()
              + "'"
              + (e.field() == null ? "" : ", field '" + e.field() + "'")
              + ": "
              + e.getMessage();
      AttemptResult result =
          Masking.mask(
              failure(step.name(), destination, AttemptResult.ErrorClass.RENDER, reason), secrets);
      return outcome(claim, state, result, dead(), DeadReason.RENDER_ERROR);
    }
    String webhookId =
        state.isOnlyStep() ? claim.deliveryId() : claim.deliveryId() + "." + step.name();
    AttemptResult result =
        channels.send(
            new StepSend(rendered, destination, webhookId, credential, Set.copyOf(secrets)));
    if (result.errorClass() == AttemptResult.ErrorClass.NOT_SENDABLE) {
      return outcome(claim, state, result, dead(), DeadReason.NOT_SENDABLE);
    }
    AttemptDecision decision = policy.decide(result, destination, attempt, waits);
    return outcome(claim, state, result, decision, DeadReason.SCHEDULE_EXHAUSTED);
  }

  private static Outcome outcome(
      Claim claim,
      ActionState state,
      AttemptResult result,
      AttemptDecision decision,
      DeadReason deadReason) {
    return new Outcome(
        claim, result, decision, ActionProgress.after(state, result, decision, deadReason));
  }

  private static AttemptDecision dead() {
    return new AttemptDecision(AttemptDecision.Verdict.DEAD, null, null);
  }

  private RenderedStep render(
      Claim claim,
      ActionState state,
      Step step,
      DestinationSettings destination,
      Map<String, Map<String, String>> named) {
    CloudEvent event = CloudEventJson.deserialize(claim.event());
    TemplateContext context = TemplateContext.of(event).withCredentials(named);
    state.stepResults().properties().forEach(entry -> withStep(context, entry));
    if (state.errorReason() != null) {
      context.withError("", state.errorReason());
    }
    if (state.route() == ActionState.Route.ERROR && state.failure() != null) {
      ObjectNode failure = state.failure();
      JsonNode response = failure.get("response");
      context.withError(
          failure.path("step").asText(),
          failure.path("reason").asText(),
          response == null ? null : responseMap(response));
    }
    RenderedStep rendered = renderer.render(step, event, context, destination.url());
    if (rendered instanceof RenderedStep.Request request
        && step.method() == null
        && step.kind() == Step.Kind.PRESET) {
      // A preset without a method of its own uses the destination's, as a plain delivery does.
      return new RenderedStep.Request(
          request.stepName(),
          destination.method(),
          request.url(),
          request.headers(),
          request.body());
    }
    return rendered;
  }

  private static void withStep(TemplateContext context, Map.Entry<String, JsonNode> entry) {
    Map<String, Object> response = responseMap(entry.getValue());
    @SuppressWarnings("unchecked")
    Map<String, String> headers = (Map<String, String>) response.get("headers");
    context.withStep(
        entry.getKey(), (Integer) response.get("status"), headers, response.get("body"));
  }

  /** A stored response as templates see it: JSON bodies walked as JSON, text as text. */
  private static Map<String, Object> responseMap(JsonNode stored) {
    Map<String, String> headers = new LinkedHashMap<>();
    stored
        .path("headers")
        .properties()
        .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
    JsonNode body = stored.path("body");
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", stored.path("status").asInt());
    response.put("headers", headers);
    response.put("body", body.isContainerNode() ? body : body.asText());
    return response;
  }

  private AppliedCredential destinationCredential(DestinationSettings destination) {
    if (destination.credentialId() == null) {
      return null;
    }
    ResolvedCredential credential =
        credentialStore
            .byId(destination.credentialId())
            .orElseThrow(
                () -> new CredentialException("The destination's credential no longer exists."));
    return credentials.apply(credential);
  }

  /**
   * The credentials the step's templates name, by name, each as the fields templates see. A name
   * the tenant has no credential for is left out, so rendering reports it.
   */
  private Map<String, Map<String, String>> namedCredentials(
      String tenant, Step step, Set<String> secrets) {
    Map<String, Map<String, String>> named = new LinkedHashMap<>();
    for (String template : templates(step)) {
      Matcher matcher = CREDENTIAL_USE.matcher(template);
      while (matcher.find()) {
        String name = matcher.group(1);
        if (!named.containsKey(name)) {
          Optional<ResolvedCredential> credential = credentialStore.byName(tenant, name);
          if (credential.isPresent()) {
            AppliedCredential applied = credentials.apply(credential.get());
            secrets.addAll(applied.secrets());
            named.put(name, applied.fields());
          }
        }
      }
    }
    return named;
  }

  private static List<String> templates(Step step) {
    List<String> templates = new ArrayList<>();
    addAll(templates, step.method(), step.path(), step.body());
    if (step.headers() != null) {
      templates.addAll(step.headers().values());
    }
    if (step.fields() != null) {
      templates.addAll(step.fields().values());
    }
    Email email = step.email();
    if (email != null) {
      templates.addAll(email.to());
      addAll(templates, email.subject(), email.html(), email.text());
    }
    return templates;
  }

  private static void addAll(List<String> templates, String... values) {
    for (String value : values) {
      if (value != null) {
        templates.add(value);
      }
    }
  }

  private AttemptResult failure(
      String stepName,
      DestinationSettings destination,
      AttemptResult.ErrorClass errorClass,
      String detail) {
    OutgoingRequest nothingSent =
        new OutgoingRequest(stepName, "-", destination.url(), Map.of(), Map.of(), new byte[0]);
    return new AttemptResult(nothingSent, clock.instant(), 0, null, null, null, errorClass, detail);
  }
}
