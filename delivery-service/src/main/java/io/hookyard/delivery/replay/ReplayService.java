package io.hookyard.delivery.replay;

import io.hookyard.common.audit.AuditTrail;
import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.delivery.DeliveryStatus;
import io.hookyard.delivery.log.DeliveryFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replays deliveries: puts dead, failing or (on request) succeeded deliveries back in the queue for
 * a new round of attempts. Each replay is one transaction that records the replay and requeues its
 * deliveries together, so an idempotency key seen again finds the first call's whole result.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReplayService {
  private final ReplayRepository replays;
  private final ReplayTargets targets;
  private final DeliveryConfig config;
  private final AuditTrail audit;
  private final Clock clock;

  public ReplayService(
      ReplayRepository replays,
      ReplayTargets targets,
      DeliveryConfig config,
      AuditTrail audit,
      Clock clock) {
    this.replays = replays;
    this.audit = audit;
    this.targets = targets;
    this.config = config;
    this.clock = clock;
  }

  /** What a replay call did; {@code repeated} when it returned an earlier call's replay. */
  public record Outcome(ReplayView replay, boolean repeated) {}

  /** Who asks, and with which idempotency key (null when none was sent). */
  public record Caller(String name, String idempotencyKey) {}

  /** Replays one delivery, or answers 404 or 409 when it cannot. */
  public Outcome replayOne(
      String tenant, String deliveryId, boolean includeSucceeded, Caller caller) {
    Replay replay = newReplay(tenant, caller, "delivery|" + deliveryId + "|" + includeSucceeded);
    replay.deliveryId = deliveryId;
    replay.includeSucceeded = includeSucceeded;
    if (!replays.insertUnlessKeyTaken(replay)) {
      return repeated(tenant, caller, replay.requestFingerprint);
    }
    ReplayTargets.Target target =
        targets.lock(tenant, DeliveryFilter.delivery(deliveryId), replay.createdAt, 1).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.notFound("No delivery '" + deliveryId + "' in this tenant."));
    refuseUnlessReplayable(target, includeSucceeded);
    return finish(replay, List.of(target));
  }

  /** Replays every delivery that matches the request, up to the configured maximum. */
  public Outcome replayMatching(String tenant, ReplayRequest request, Caller caller) {
    Set<DeliveryStatus> statuses =
        ReplayStatuses.of(request.statuses(), request.succeededIncluded());
    String responseCode = responseCodeOf(request);
    Replay replay = newReplay(tenant, caller, fingerprintOf(request, statuses, responseCode));
    replay.since = request.since();
    replay.until = request.until() == null ? replay.createdAt : request.until();
    if (!replay.since.isBefore(replay.until)) {
      throw ProblemException.badRequest("invalid-replay", "until must be after since.");
    }
    replay.destinationId = request.destinationId();
    replay.subscriptionId = request.subscriptionId();
    replay.eventType = request.eventType();
    replay.statuses = ReplayStatuses.format(statuses);
    replay.responseCode = responseCode;
    replay.criteriaDeliveryId = request.deliveryId();
    replay.eventId = request.eventId();
    replay.includeSucceeded = request.succeededIncluded();
    if (!replays.insertUnlessKeyTaken(replay)) {
      return repeated(tenant, caller, replay.requestFingerprint);
    }
    DeliveryFilter matching =
        new DeliveryFilter(
            replay.since,
            replay.until,
            statuses,
            replay.criteriaDeliveryId,
            replay.eventId,
            replay.eventType,
            replay.destinationId,
            replay.subscriptionId,
            responseCode == null ? null : DeliveryFilter.ResponseCodes.parse(responseCode),
            null);
    int max = config.replay().maxDeliveries();
    List<ReplayTargets.Target> found = targets.lock(tenant, matching, replay.createdAt, max + 1);
    if (found.size() > max) {
      throw new ProblemException(
          Problem.of(
              422,
              "replay-too-large",
              "Unprocessable content",
              "More than "
                  + max
                  + " deliveries match; narrow the time range or the filter and replay in parts."));
    }
    return finish(replay, found);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ReplayView get(String tenant, String id) {
    Replay replay =
        replays
            .findInTenant(tenant, id)
            .orElseThrow(() -> ProblemException.notFound("No replay '" + id + "' in this tenant."));
    return ReplayView.of(replay, targets.progress(replay.id));
  }

  private Replay newReplay(String tenant, Caller caller, String request) {
    Replay replay = new Replay();
    replay.id = Ids.newId(Ids.REPLAY, clock);
    replay.tenant = tenant;
    replay.idempotencyKey = caller.idempotencyKey();
    replay.requestFingerprint = sha256(request);
    replay.requestedBy = caller.name();
    replay.createdAt = clock.instant();
    return replay;
  }

  private Outcome finish(Replay inserted, List<ReplayTargets.Target> found) {
    List<String> ready =
        found.stream().filter(target -> !target.inFlight()).map(ReplayTargets.Target::id).toList();
    int queued = targets.requeue(ready, inserted.id, inserted.createdAt);
    Replay replay = replays.findById(inserted.id);
    replay.matched = found.size();
    replay.queued = queued;
    ReplayView view = ReplayView.of(replay, targets.progress(replay.id));
    audit.record(replay.tenant, "replay", replay.id, "create", null, view);
    return new Outcome(view, false);
  }

  /** The earlier replay with this key, if it was asked the same thing; 422 otherwise. */
  private Outcome repeated(String tenant, Caller caller, String fingerprint) {
    Replay earlier = replays.findByKey(tenant, caller.idempotencyKey()).orElseThrow();
    if (!Objects.equals(earlier.requestFingerprint, fingerprint)) {
      throw new ProblemException(
          Problem.of(
              422,
              "idempotency-key-reused",
              "Unprocessable content",
              "This Idempotency-Key was used for a different replay request; use a new key."));
    }
    return new Outcome(ReplayView.of(earlier, targets.progress(earlier.id)), true);
  }

  private static void refuseUnlessReplayable(
      ReplayTargets.Target target, boolean includeSucceeded) {
    if (target.inFlight()) {
      throw ProblemException.conflict(
          "delivery-in-flight",
          "An attempt of this delivery is in flight; replay it once the attempt has finished.");
    }
    switch (target.status()) {
      case PENDING ->
          throw ProblemException.conflict(
              "delivery-pending", "This delivery is already waiting for its next attempt.");
      case SUCCEEDED -> {
        if (!includeSucceeded) {
          throw ProblemException.conflict(
              "delivery-succeeded",
              "This delivery succeeded; set includeSucceeded=true to send it again.");
        }
      }
      case FAILING, DEAD -> {}
    }
  }

  /**
   * The request's response code as kept and compared ({@code 5xx}), null when it has none, or a 400
   * problem naming the field when it is neither a status nor a class of them.
   */
  private static String responseCodeOf(ReplayRequest request) {
    if (request.responseCode() == null) {
      return null;
    }
    try {
      DeliveryFilter.ResponseCodes.parseInput(request.responseCode());
    } catch (IllegalArgumentException e) {
      String detail = "responseCode " + DeliveryFilter.ResponseCodes.EXPECTED + ".";
      throw new ProblemException(
          Problem.of(400, "invalid-replay", "Bad request", detail)
              .withErrors(
                  List.of(
                      new Problem.FieldError(
                          "responseCode", DeliveryFilter.ResponseCodes.EXPECTED))));
    }
    return DeliveryFilter.ResponseCodes.canonical(request.responseCode());
  }

  private static String fingerprintOf(
      ReplayRequest request, Set<DeliveryStatus> statuses, String responseCode) {
    // The request as sent, not as completed: a missing "until" means "now" at each call, and
    // the same request sent twice must have the same fingerprint.
    String fingerprint =
        String.join(
            "|",
            "filter",
            String.valueOf(request.since()),
            String.valueOf(request.until()),
            String.valueOf(request.destinationId()),
            String.valueOf(request.subscriptionId()),
            String.valueOf(request.eventType()),
            ReplayStatuses.format(statuses),
            String.valueOf(request.succeededIncluded()));
    if (responseCode == null && request.deliveryId() == null && request.eventId() == null) {
      // Left as it was before these criteria existed, so a key kept from then still matches.
      return fingerprint;
    }
    return String.join(
        "|",
        fingerprint,
        String.valueOf(responseCode),
        String.valueOf(request.deliveryId()),
        String.valueOf(request.eventId()));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
