package io.hookyard.delivery.credential;

import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants' credentials with their secrets opened, kept for two seconds like destinations, so the
 * sending path reads no table per request. A change made through this instance clears the cache;
 * other instances see it within the cache time.
 */
@ApplicationScoped
public class CredentialStore {
  static final Duration CACHE_TIME = Duration.ofSeconds(2);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Optional<ResolvedCredential> credential, Instant expires) {}

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final CredentialRepository credentials;
  private final SecretBox secretBox;
  private final Clock clock;

  public CredentialStore(CredentialRepository credentials, SecretBox secretBox, Clock clock) {
    this.credentials = credentials;
    this.secretBox = secretBox;
    this.clock = clock;
  }

  public Optional<ResolvedCredential> byId(String id) {
    return cached("id:" + id, () -> credentials.findByIdOptional(id));
  }

  public Optional<ResolvedCredential> byName(String tenant, String name) {
    return cached("name:" + tenant + "/" + name, () -> credentials.findByName(tenant, name));
  }

  /** Forgets every credential, after one changed here. */
  public void invalidate() {
    cache.clear();
  }

  private Optional<ResolvedCredential> cached(
      String key, java.util.function.Supplier<Optional<Credential>> loader) {
    Instant now = clock.instant();
    Entry entry = cache.get(key);
    if (entry != null && entry.expires().isAfter(now)) {
      return entry.credential();
    }
    Optional<ResolvedCredential> loaded =
        QuarkusTransaction.joiningExisting().call(() -> loader.get().map(this::open));
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(key, new Entry(loaded, now.plus(CACHE_TIME)));
    return loaded;
  }

  private ResolvedCredential open(Credential c) {
    return new ResolvedCredential(
        c.id,
        c.tenant,
        c.name,
        c.kind,
        Map.copyOf(c.settings),
        secretBox.open(new SealedSecret(c.keyId, c.ciphertext)),
        c.updatedAt);
  }
}
