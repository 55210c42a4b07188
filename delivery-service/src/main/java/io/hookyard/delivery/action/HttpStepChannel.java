package io.hookyard.delivery.action;

import io.hookyard.common.action.RenderedStep;
import io.hookyard.delivery.credential.AppliedCredential;
import io.hookyard.delivery.credential.CredentialApplier;
import io.hookyard.delivery.credential.CredentialException;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.DeliverySender;
import io.hookyard.delivery.delivery.OutgoingRequest;
import io.hookyard.delivery.delivery.RequestBuilder;
import io.hookyard.delivery.destination.DestinationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Sends HTTP steps (and plain deliveries) with the destination's credential applied. When a
 * destination answers 401 to an OAuth2 access token, the token is dropped, a fresh one fetched and
 * the request sent once more within the same attempt: the token may have been revoked early.
 */
@ApplicationScoped
public class HttpStepChannel implements StepChannel {
  private final RequestBuilder builder;
  private final DeliverySender sender;
  private final CredentialApplier credentials;

  public HttpStepChannel(
      RequestBuilder builder, DeliverySender sender, CredentialApplier credentials) {
    this.builder = builder;
    this.sender = sender;
    this.credentials = credentials;
  }

  @Override
  public Class<? extends RenderedStep> sends() {
    return RenderedStep.Request.class;
  }

  @Override
  public AttemptResult send(StepSend send) {
    RenderedStep.Request step = (RenderedStep.Request) send.step();
    return exchange(
        credential ->
            builder.forStep(send.webhookId(), send.destination(), step, headers(credential)),
        send.destination(),
        send.credential(),
        send.secrets());
  }

  /**
   * Sends the request {@code build} makes with the credential, and masks the secrets in what the
   * log will show.
   */
  public AttemptResult exchange(
      Function<AppliedCredential, OutgoingRequest> build,
      DestinationSettings destination,
      AppliedCredential credential,
      Set<String> secrets) {
    AttemptResult result = sender.send(build.apply(credential), destination.timeout());
    if (!refusedToken(result, credential)) {
      return Masking.mask(result, secrets);
    }
    credentials.refused(credential);
    AppliedCredential fresh;
    try {
      fresh = credentials.apply(credential.credential());
    } catch (CredentialException e) {
      return Masking.mask(result, secrets);
    }
    Set<String> all = new HashSet<>(secrets);
    all.addAll(fresh.secrets());
    return Masking.mask(sender.send(build.apply(fresh), destination.timeout()), all);
  }

  private static boolean refusedToken(AttemptResult result, AppliedCredential credential) {
    return result.status() != null
        && result.status() == 401
        && credential != null
        && credential.bearerToken() != null;
  }

  static Map<String, String> headers(AppliedCredential credential) {
    return credential == null ? Map.of() : credential.headers();
  }
}
