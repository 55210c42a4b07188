package io.hookyard.delivery.destination;

import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.delivery.delivery.RetrySchedule;
import io.hookyard.delivery.signing.WebhookSigner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The settings of destinations, with their signing keys decrypted, kept for two seconds: the
 * sending path then reads no table per delivery. Changes made through this instance take effect at
 * once; changes made through another instance within the cache time.
 */
@ApplicationScoped
public class DestinationDirectory {
  static final Duration CACHE_TIME = Duration.ofSeconds(2);
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Optional<DestinationSettings> settings, Instant expires) {}

  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CompletableFuture<Optional<DestinationSettings>>> loading =
      new ConcurrentHashMap<>();
  private final DestinationRepository destinations;
  private final DestinationSecretRepository secrets;
  private final DestinationHeaders headers;
  private final SecretBox secretBox;
  private final Clock clock;

  public DestinationDirectory(
      DestinationRepository destinations,
      DestinationSecretRepository secrets,
      DestinationHeaders headers,
      SecretBox secretBox,
      Clock clock) {
    this.destinations = destinations;
    this.secrets = secrets;
    this.headers = headers;
    this.secretBox = secretBox;
    this.clock = clock;
  }

  /**
   * The destination's settings, or empty when it no longer exists. One caller at a time loads a
   * destination: the hundreds of attempts a claim starts at once for one destination would
   * otherwise each take a connection to read the same row. While settings that are out of date are
   * reloaded, the other callers go on with them; callers that have none wait for the load. When the
   * database cannot be read, settings known before are used until it can.
   */
  public Optional<DestinationSettings> find(String id) {
    Instant now = clock.instant();
    Entry entry = cache.get(id);
    if (entry != null && !entry.expires().isBefore(now)) {
      return entry.settings();
    }
    CompletableFuture<Optional<DestinationSettings>> load = new CompletableFuture<>();
    CompletableFuture<Optional<DestinationSettings>> running = loading.putIfAbsent(id, load);
    if (running != null) {
      return entry != null ? entry.settings() : awaitLoad(running);
    }
    try {
      Optional<DestinationSettings> loaded = reload(id, now);
      load.complete(loaded);
      return loaded;
    } catch (RuntimeException e) {
      load.completeExceptionally(e);
      if (entry != null) {
        return entry.settings();
      }
      throw e;
    } finally {
      loading.remove(id, load);
    }
  }

  private static Optional<DestinationSettings> awaitLoad(
      CompletableFuture<Optional<DestinationSettings>> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private Optional<DestinationSettings> reload(String id, Instant now) {
    // Workers call this on virtual threads with no transaction; a reload opens its own.
    Optional<DestinationSettings> loaded =
        QuarkusTransaction.joiningExisting().call(() -> load(id, now));
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(id, new Entry(loaded, now.plus(CACHE_TIME)));
    return loaded;
  }

  /** Forgets a destination after it changed here. */
  public void invalidate(String id) {
    cache.remove(id);
  }

  private Optional<DestinationSettings> load(String id, Instant now) {
    Destination d = destinations.findById(id);
    if (d == null) {
      return Optional.empty();
    }
    List<byte[]> keys =
        secrets.signingAt(id, now).stream()
            .map(s -> WebhookSigner.key(secretBox.open(new SealedSecret(s.keyId, s.ciphertext))))
            .toList();
    return Optional.of(
        new DestinationSettings(
            d.id,
            d.tenant,
            d.url,
            d.method,
            headers.withSecrets(d.id, d.headers),
            Duration.ofMillis(d.timeoutMs),
            SuccessCodes.parse(d.successCodes),
            d.retrySchedule == null ? null : RetrySchedule.split(d.retrySchedule),
            d.rateLimit,
            d.maxConcurrency,
            d.fifo,
            keys,
            d.credentialId));
  }
}
