package io.hookyard.delivery.destination;

import io.hookyard.common.audit.AuditTrail;
import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.delivery.DeliveryRepository;
import io.hookyard.delivery.delivery.RetrySchedule;
import io.hookyard.delivery.egress.DestinationUrls;
import io.hookyard.delivery.signing.WebhookSigner;
import io.hookyard.delivery.tenant.TenantSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Creates, changes, pauses, resumes and deletes destinations, and rotates their signing secrets. A
 * secret is returned once, in the answer that created it; every secret is stored encrypted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DestinationService {
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
  // Set by Hookyard itself, or by the HTTP layer: a destination cannot override them.
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "host",
          "content-length",
          "content-type",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "upgrade",
          "te",
          "trailer",
          "expect",
          "webhook-id",
          "webhook-timestamp",
          "webhook-signature");

  private final SecureRandom random = new SecureRandom();
  private final DestinationRepository destinations;
  private final DestinationSecretRepository secrets;
  private final DestinationHeaders headers;
  private final DeliveryRepository deliveries;
  private final TenantSettingsRepository tenantSettings;
  private final SecretBox secretBox;
  private final DestinationUrls urls;
  private final io.hookyard.delivery.credential.CredentialRepository credentials;
  private final DestinationDirectory directory;
  private final DeliveryConfig config;
  private final AuditTrail audit;
  private final Clock clock;

  public DestinationService(
      DestinationRepository destinations,
      DestinationSecretRepository secrets,
      DestinationHeaders headers,
      DeliveryRepository deliveries,
      TenantSettingsRepository tenantSettings,
      SecretBox secretBox,
      DestinationUrls urls,
      io.hookyard.delivery.credential.CredentialRepository credentials,
      DestinationDirectory directory,
      DeliveryConfig config,
      AuditTrail audit,
      Clock clock) {
    this.audit = audit;
    this.destinations = destinations;
    this.secrets = secrets;
    this.headers = headers;
    this.deliveries = deliveries;
    this.tenantSettings = tenantSettings;
    this.secretBox = secretBox;
    this.urls = urls;
    this.credentials = credentials;
    this.directory = directory;
    this.config = config;
    this.clock = clock;
  }

  public DestinationView create(String tenant, DestinationRequest request) {
    urls.requireAllowed(request.url());
    requireFreeName(tenant, request.name());
    Instant now = clock.instant();
    Destination d = new Destination();
    d.id = Ids.newId(Ids.DESTINATION, clock);
    d.tenant = tenant;
    d.name = request.name();
    d.kind = request.kind() == null ? "webhook" : request.kind();
    d.url = request.url();
    d.method = request.method() == null ? "POST" : request.method();
    Map<String, String> requestedHeaders =
        request.headers() == null ? Map.of() : validHeaders(request.headers());
    d.timeoutMs =
        (int)
            (request.timeoutSeconds() == null
                ? config.requestTimeout().toMillis()
                : request.timeoutSeconds() * 1000L);
    d.rateLimit = positiveOrNull(request.rateLimit());
    d.maxConcurrency = positiveOrNull(request.maxConcurrency());
    d.retrySchedule = schedule(request.retrySchedule());
    d.successCodes = successCodes(request.successCodes());
    d.fifo = Boolean.TRUE.equals(request.fifo());
    d.credentialId = credential(tenant, request.credentialId());
    d.state = DestinationState.ACTIVE;
    d.createdAt = now;
    d.updatedAt = now;
    d.headers = Map.of();
    destinations.persist(d);
    destinations.flush();
    d.headers = headers.seal(d.id, requestedHeaders);
    String secret = addSecret(d, now);
    DestinationView created = DestinationView.of(d, 1, secret);
    audit.record(tenant, "destination", d.id, "create", null, created);
    return created;
  }

  public DestinationView update(String tenant, String id, DestinationUpdate request) {
    Destination d = find(tenant, id);
    DestinationView before = view(d);
    if (request.name() != null && !request.name().equals(d.name)) {
      requireFreeName(tenant, request.name());
      d.name = request.name();
    }
    if (request.url() != null) {
      urls.requireAllowed(request.url());
      d.url = request.url();
    }
    if (request.method() != null) {
      d.method = request.method();
    }
    if (request.headers() != null) {
      d.headers = headers.seal(d.id, validHeaders(request.headers()));
    }
    if (request.timeoutSeconds() != null) {
      d.timeoutMs = request.timeoutSeconds() * 1000;
    }
    if (request.rateLimit() != null) {
      d.rateLimit = positiveOrNull(request.rateLimit());
    }
    if (request.maxConcurrency() != null) {
      d.maxConcurrency = positiveOrNull(request.maxConcurrency());
    }
    if (request.retrySchedule() != null) {
      d.retrySchedule = schedule(request.retrySchedule());
    }
    if (request.successCodes() != null) {
      d.successCodes = successCodes(request.successCodes());
    }
    if (request.fifo() != null) {
      d.fifo = request.fifo();
    }
    if (request.credentialId() != null) {
      d.credentialId = credential(tenant, request.credentialId());
    }
    if (request.state() != null && !request.state().equals(d.state)) {
      changeState(d, request.state(), request.stateReason());
    }
    return saved(d, before, "update");
  }

  /** Holds the destination's deliveries back until it is resumed. */
  public DestinationView pause(String tenant, String id, String reason) {
    Destination d = find(tenant, id);
    DestinationView before = view(d);
    changeState(d, DestinationState.PAUSED, reason == null ? "Paused by hand." : reason);
    return saved(d, before, "pause");
  }

  /** Sends to the destination again, with a clean record of failures. */
  public DestinationView resume(String tenant, String id) {
    Destination d = find(tenant, id);
    DestinationView before = view(d);
    changeState(d, DestinationState.ACTIVE, null);
    return saved(d, before, "resume");
  }

  /** Adds a new current secret; the ones before it keep signing until the overlap ends. */
  public DestinationView rotateSecret(String tenant, String id, RotateSecretRequest request) {
    Destination d = find(tenant, id);
    Instant now = clock.instant();
    Duration overlap =
        request.overlapSeconds() == null
            ? config.rotationOverlap()
            : Duration.ofSeconds(request.overlapSeconds());
    Instant end = now.plus(overlap);
    for (DestinationSecret old : secrets.signingAt(d.id, now)) {
      if (old.expiresAt == null || old.expiresAt.isAfter(end)) {
        old.expiresAt = end;
      }
    }
    String secret = addSecret(d, now);
    d.updatedAt = now;
    directory.invalidate(d.id);
    DestinationView rotated = DestinationView.of(d, secrets.signingAt(d.id, now).size(), secret);
    audit.record(tenant, "destination", d.id, "rotate-secret", null, rotated);
    return rotated;
  }

  /** Deletes the destination; deliveries still waiting for it become dead letters. */
  public void delete(String tenant, String id) {
    Destination d = find(tenant, id);
    audit.record(tenant, "destination", d.id, "delete", view(d), null);
    Instant now = clock.instant();
    deliveries.update(
        "status = 'DEAD', lastError = ?1, leaseUntil = null, updatedAt = ?2, completedAt = ?2"
            + " where destinationId = ?3 and status in ('PENDING', 'FAILING')",
        "The destination was deleted.",
        now,
        d.id);
    tenantSettings.update(
        "operationalDestinationId = null, updatedAt = ?1 where operationalDestinationId = ?2",
        now,
        d.id);
    destinations.delete(d);
    directory.invalidate(d.id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DestinationView> list(String tenant) {
    Instant now = clock.instant();
    return destinations.listByTenant(tenant).stream()
        .map(d -> DestinationView.of(d, secrets.signingAt(d.id, now).size(), null))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DestinationView get(String tenant, String id) {
    Destination d = find(tenant, id);
    return DestinationView.of(d, secrets.signingAt(d.id, clock.instant()).size(), null);
  }

  private void changeState(Destination d, String state, String reason) {
    Instant now = clock.instant();
    d.state = state;
    d.stateReason = DestinationState.ACTIVE.equals(state) ? null : reason;
    d.stateChangedAt = now;
    if (DestinationState.ACTIVE.equals(state)) {
      // A destination resumed by hand starts over: its old failures no longer count.
      d.consecutiveFailures = 0;
      d.failingSince = null;
      d.circuitOpenUntil = null;
    }
  }

  private DestinationView saved(Destination d, DestinationView before, String action) {
    Instant now = clock.instant();
    d.updatedAt = now;
    directory.invalidate(d.id);
    DestinationView after = view(d);
    audit.record(d.tenant, "destination", d.id, action, before, after);
    return after;
  }

  private DestinationView view(Destination d) {
    return DestinationView.of(d, secrets.signingAt(d.id, clock.instant()).size(), null);
  }

  private String addSecret(Destination d, Instant now) {
    String plaintext = WebhookSigner.newSecret(random);
    SealedSecret sealed = secretBox.seal(plaintext);
    DestinationSecret secret = new DestinationSecret();
    secret.id = Ids.newId(Ids.SECRET, clock);
    secret.destinationId = d.id;
    secret.keyId = sealed.keyId();
    secret.ciphertext = sealed.ciphertext();
    secret.createdAt = now;
    secrets.persist(secret);
    return plaintext;
  }

  private Destination find(String tenant, String id) {
    return destinations
        .findInTenant(tenant, id)
        .orElseThrow(
            () -> ProblemException.notFound("No destination '" + id + "' in this tenant."));
  }

  /** The credential's id when the tenant has it; null for none (absent or empty). */
  private String credential(String tenant, String credentialId) {
    if (credentialId == null || credentialId.isEmpty()) {
      return null;
    }
    if (credentials.findInTenant(tenant, credentialId).isEmpty()) {
      throw ProblemException.badRequest(
          "unknown-credential", "This tenant has no credential '" + credentialId + "'.");
    }
    return credentialId;
  }

  private void requireFreeName(String tenant, String name) {
    if (destinations.nameTaken(tenant, name)) {
      throw ProblemException.conflict(
          "destination-exists", "This tenant already has a destination named '" + name + "'.");
    }
  }

  private static Map<String, String> validHeaders(Map<String, String> headers) {
    Map<String, String> valid = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!HEADER_NAME.matcher(name).matches()) {
            throw ProblemException.badRequest(
                "invalid-header", "'" + name + "' is not a valid header name.");
          }
          if (RESERVED_HEADERS.contains(lower) || lower.startsWith("proxy-")) {
            throw ProblemException.badRequest(
                "reserved-header", "The header '" + name + "' is set by Hookyard itself.");
          }
          if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw ProblemException.badRequest(
                "invalid-header",
                "The value of header '" + name + "' is missing or has a line break.");
          }
          valid.put(name, value);
        });
    return valid;
  }

  private static String schedule(List<String> waits) {
    if (waits == null || waits.isEmpty()) {
      return null;
    }
    try {
      return RetrySchedule.join(RetrySchedule.parseWaits(waits));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-retry-schedule", e.getMessage() + ".");
    }
  }

  private static String successCodes(String text) {
    if (text == null) {
      return SuccessCodes.DEFAULT;
    }
    try {
      SuccessCodes.parse(text);
      return text.replace(" ", "");
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-success-codes", e.getMessage() + ".");
    }
  }

  private static Integer positiveOrNull(Integer value) {
    return value == null || value == 0 ? null : value;
  }
}
