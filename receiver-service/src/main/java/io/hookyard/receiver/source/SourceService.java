package io.hookyard.receiver.source;

import io.hookyard.common.audit.AuditTrail;
import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.vendor.VendorAdapter;
import io.hookyard.receiver.vendor.VendorAdapters;
import io.hookyard.receiver.vendor.VendorProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates, changes and reads sources, and rotates their secrets. A secret Hookyard generates is
 * returned once, in the answer that created it; every secret is stored encrypted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SourceService {
  static final Duration DEFAULT_OVERLAP = Duration.ofDays(1);

  private final SecureRandom random = new SecureRandom();
  private final SourceRepository sources;
  private final SourceSecretRepository secrets;
  private final SecretBox secretBox;
  private final SourceDirectory directory;
  private final ReceiverConfig config;
  private final VendorAdapters adapters;
  private final AuditTrail audit;
  private final Clock clock;

  public SourceService(
      SourceRepository sources,
      SourceSecretRepository secrets,
      SecretBox secretBox,
      SourceDirectory directory,
      ReceiverConfig config,
      VendorAdapters adapters,
      AuditTrail audit,
      Clock clock) {
    this.audit = audit;
    this.sources = sources;
    this.secrets = secrets;
    this.secretBox = secretBox;
    this.directory = directory;
    this.config = config;
    this.adapters = adapters;
    this.clock = clock;
  }

  public SourceView create(String tenant, CreateSourceRequest request) {
    String vendor = request.vendor() == null ? "generic" : request.vendor();
    VendorAdapter adapter =
        adapters
            .find(vendor)
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "unknown-vendor",
                        "Unknown vendor '" + vendor + "'. Known: " + adapters.vendors() + "."));
    if (sources.findByName(tenant, request.name()).isPresent()) {
      throw ProblemException.conflict(
          "source-exists", "This tenant already has a source named '" + request.name() + "'.");
    }
    Instant now = clock.instant();
    Source source = new Source();
    source.id = Ids.newId(Ids.SOURCE, clock);
    source.tenant = tenant;
    source.name = request.name();
    source.vendor = vendor;
    source.description = request.description();
    source.enabled = true;
    source.settings = request.settings() == null ? Map.of() : new TreeMap<>(request.settings());
    source.maxBodyBytes =
        request.maxBodyBytes() == null ? config.defaultMaxBodyBytes() : request.maxBodyBytes();
    source.createdAt = now;
    source.updatedAt = now;
    sources.persist(source);
    String generated = addSecret(source, adapter, request.secret(), now);
    SourceView created = SourceView.of(source, urlOf(source), 1, generated);
    audit.record(tenant, "source", source.id, "create", null, created);
    return created;
  }

  public SourceView update(String tenant, String id, UpdateSourceRequest request) {
    Source source = find(tenant, id);
    SourceView before = view(source);
    if (request.description() != null) {
      source.description = request.description();
    }
    if (request.enabled() != null) {
      source.enabled = request.enabled();
    }
    if (request.maxBodyBytes() != null) {
      source.maxBodyBytes = request.maxBodyBytes();
    }
    if (request.settings() != null) {
      source.settings = new TreeMap<>(request.settings());
    }
    source.updatedAt = clock.instant();
    directory.invalidate();
    SourceView after = view(source);
    audit.record(tenant, "source", source.id, "update", before, after);
    return after;
  }

  /** Adds a new current secret; the ones before it keep verifying until the overlap ends. */
  public SourceView rotateSecret(String tenant, String id, RotateSecretRequest request) {
    Source source = find(tenant, id);
    Instant now = clock.instant();
    Duration overlap =
        request.overlapSeconds() == null
            ? DEFAULT_OVERLAP
            : Duration.ofSeconds(request.overlapSeconds());
    Instant end = now.plus(overlap);
    for (SourceSecret old : secrets.verifyingAt(source.id, now)) {
      if (old.expiresAt == null || old.expiresAt.isAfter(end)) {
        old.expiresAt = end;
      }
    }
    VendorAdapter adapter = adapters.find(source.vendor).orElseThrow();
    String generated = addSecret(source, adapter, request.secret(), now);
    source.updatedAt = now;
    directory.invalidate();
    SourceView rotated =
        SourceView.of(source, urlOf(source), secrets.verifyingAt(source.id, now).size(), generated);
    audit.record(tenant, "source", source.id, "rotate-secret", null, rotated);
    return rotated;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SourceView> list(String tenant) {
    return sources.listByTenant(tenant).stream().map(this::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SourceView get(String tenant, String id) {
    return view(find(tenant, id));
  }

  private String addSecret(Source source, VendorAdapter adapter, String provided, Instant now) {
    boolean generate = provided == null;
    if (generate
        && adapters.profile(adapter.vendor()).secret() == VendorProfile.SecretOrigin.PROVIDED) {
      throw ProblemException.badRequest(
          "secret-required",
          adapters.profile(adapter.vendor()).displayName()
              + " issues the secret itself: paste it in the 'secret' field.");
    }
    String plaintext = generate ? adapter.generateSecret(random) : provided;
    SealedSecret sealed = secretBox.seal(plaintext);
    SourceSecret secret = new SourceSecret();
    secret.id = Ids.newId(Ids.SECRET, clock);
    secret.sourceId = source.id;
    secret.keyId = sealed.keyId();
    secret.ciphertext = sealed.ciphertext();
    secret.createdAt = now;
    secrets.persist(secret);
    return generate ? plaintext : null;
  }

  private Source find(String tenant, String id) {
    return sources
        .findInTenant(tenant, id)
        .orElseThrow(() -> ProblemException.notFound("No source '" + id + "' in this tenant."));
  }

  private SourceView view(Source source) {
    int active = secrets.verifyingAt(source.id, clock.instant()).size();
    return SourceView.of(source, urlOf(source), active, null);
  }

  private String urlOf(Source source) {
    return config.publicUrl() + "/hooks/" + source.tenant + "/" + source.name;
  }
}
