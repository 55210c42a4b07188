package io.hookyard.receiver.source;

import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.receiver.config.ReceiverConfig;
import jakarta.inject.Singleton;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the enabled source behind a hook URL, with its decrypted secrets, and keeps the answer for
 * a short time: the ingest path then costs no database read per request. Changes made through this
 * instance take effect at once; changes made through another replica within the cache time (plus
 * the moment a refresh takes, since an expired entry keeps answering while it is reloaded).
 *
 * <p>One load per source at a time: requests that miss the cache together wait for the same load
 * rather than each starting its own, and an expired entry is refreshed by one request in the
 * background.
 */
@Singleton
public class SourceDirectory {
  /**
   * A cached answer. {@code secretRetires} is when the first of its secrets stops verifying (the
   * end of a rotation's overlap), or null.
   */
  private record Entry(
      CompletableFuture<Optional<ActiveSource>> source, Instant expires, Instant secretRetires) {}

  // Bounded: requests to made-up URLs must not grow it (unknown URLs are cached as empty, too).
  static final int MAX_ENTRIES = 10_000;
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CompletableFuture<Optional<ActiveSource>>> loading =
      new ConcurrentHashMap<>();
  // Bumped by every invalidation, so a load that began before one does not cache what it read.
  private final AtomicLong generation = new AtomicLong();
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
   * The source behind a hook URL, without blocking the caller: from the cache when it holds it,
   * otherwise loaded on {@code blocking}.
   */
  public CompletionStage<Optional<ActiveSource>> lookup(
      String tenant, String name, Executor blocking) {
    String key = tenant + "/" + name;
    Entry entry = cache.get(key);
    if (entry == null) {
      return loadOnce(key, tenant, name, blocking);
    }
    Instant now = clock.instant();
    if (entry.expires().isBefore(now)) {
      CompletableFuture<Optional<ActiveSource>> reload = loadOnce(key, tenant, name, blocking);
      // A secret whose overlap has ended must not verify even once more from the cache.
      if (entry.secretRetires() != null && !entry.secretRetires().isAfter(now)) {
        return reload;
      }
    }
    return entry.source();
  }

  /** Starts loading a source unless a load of it is under way; either way returns that load. */
  private CompletableFuture<Optional<ActiveSource>> loadOnce(
      String key, String tenant, String name, Executor blocking) {
    CompletableFuture<Optional<ActiveSource>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<ActiveSource>> running = loading.putIfAbsent(key, mine);
    if (running != null) {
      return running;
    }
    long startedIn = generation.get();
    try {
      blocking.execute(() -> complete(mine, key, tenant, name, startedIn));
    } catch (RuntimeException e) {
      loading.remove(key, mine);
      mine.completeExceptionally(e);
    }
    return mine;
  }

  private void complete(
      CompletableFuture<Optional<ActiveSource>> load,
      String key,
      String tenant,
      String name,
      long startedIn) {
    try {
      Optional<ActiveSource> source = load(tenant, name);
      if (generation.get() == startedIn) {
        if (cache.size() >= MAX_ENTRIES) {
          cache.clear();
        }
        Instant retires = source.map(found -> firstRetirement(found.id())).orElse(null);
        Instant expires = clock.instant().plus(config.sourceCacheTime());
        cache.put(
            key,
            new Entry(
                CompletableFuture.completedFuture(source),
                retires != null && retires.isBefore(expires) ? retires : expires,
                retires));
      }
      load.complete(source);
    } catch (RuntimeException | Error e) {
      load.completeExceptionally(e);
    } finally {
      loading.remove(key, load);
    }
  }

  /** Forgets what is cached, after a source or its secrets changed. */
  public void invalidate() {
    generation.incrementAndGet();
    loading.clear();
    cache.clear();
  }

  /** The plaintext secrets of a source that verify now, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> verifyingSecrets(String sourceId) {
    return secrets.verifyingAt(sourceId, clock.instant()).stream()
        .map(secret -> secretBox.open(new SealedSecret(secret.keyId, secret.ciphertext)))
        .toList();
  }

  /** When the first secret that verifies now stops verifying, or null when none ever does. */
  @Transactional
  Instant firstRetirement(String sourceId) {
    return secrets.verifyingAt(sourceId, clock.instant()).stream()
        .map(secret -> secret.expiresAt)
        .filter(java.util.Objects::nonNull)
        .min(java.util.Comparator.naturalOrder())
        .orElse(null);
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
