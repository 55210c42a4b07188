package io.hookyard.receiver.source;

import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.receiver.config.ReceiverConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * Finds the enabled source behind a hook URL, with its decrypted secrets, and keeps the answer for
 * a short time: the ingest path then costs no database read per request. Changes made through this
 * instance take effect at once; changes made through another replica within the cache time.
 */
@ApplicationScoped
public class SourceDirectory {
  private record Entry(Optional<ActiveSource> source, Instant expires) {}

  // Bounded: requests to made-up URLs must not grow it (unknown URLs are cached as empty, too).
  static final int MAX_ENTRIES = 10_000;
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();
  private final SourceRepository sources;
  private final SourceSecretRepository secrets;
  private final SecretBox secretBox;
  private final ReceiverConfig config;
  private final Clock clock;

  public SourceDirectory(
      SourceRepository sources,
      SourceSecretRepository secrets,
      SecretBox secretBox,
      ReceiverConfig config,
      Clock clock) {
    this.sources = sources;
    this.secrets = secrets;
    this.secretBox = secretBox;
    this.config = config;
    this.clock = clock;
  }

  /**
   * The source behind a hook URL, without blocking the caller: from the cache when it is fresh,
   * otherwise loaded on {@code blocking}.
   */
  public CompletionStage<Optional<ActiveSource>> lookup(
      String tenant, String name, Executor blocking) {
    Entry entry = cache.get(tenant + "/" + name);
    if (entry != null && !entry.expires().isBefore(clock.instant())) {
      return CompletableFuture.completedFuture(entry.source());
    }
    return CompletableFuture.supplyAsync(() -> find(tenant, name), blocking);
  }

  public Optional<ActiveSource> find(String tenant, String name) {
    String key = tenant + "/" + name;
    Instant now = clock.instant();
    Entry entry = cache.get(key);
    if (entry == null || entry.expires().isBefore(now)) {
      entry = new Entry(load(tenant, name), now.plus(config.sourceCacheTime()));
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(key, entry);
    }
    return entry.source();
  }

  /** Forgets what is cached, after a source or its secrets changed. */
  public void invalidate() {
    cache.clear();
  }

  /** The plaintext secrets of a source that verify now, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> verifyingSecrets(String sourceId) {
    return secrets.verifyingAt(sourceId, clock.instant()).stream()
        .map(secret -> secretBox.open(new SealedSecret(secret.keyId, secret.ciphertext)))
        .toList();
  }

  @Transactional
  Optional<ActiveSource> load(String tenant, String name) {
    return sources
        .findByName(tenant, name)
        .filter(source -> source.enabled)
        .map(
            source ->
                new ActiveSource(
                    source.id,
                    source.tenant,
                    source.name,
                    source.vendor,
                    source.settings,
                    source.maxBodyBytes,
                    verifyingSecrets(source.id)));
  }
}
