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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The settings of destinations, with their signing keys decrypted, kept for two seconds: the
 * sending path then reads no table per delivery. Changes made through this instance take effect at
 * once; changes made through another instance within the cache time.
 */
@ApplicationScoped
public class DestinationDirectory {
  static final Duration CACHE_TIME = Duration.ofSeconds(2);
  static final int MAX_ENTRIES = 10_000;

  private record Entry(
      Optional<DestinationSettings> settings, Instant expires, AtomicBoolean refreshing) {
    Entry(Optional<DestinationSettings> settings, Instant expires) {
      this(settings, expires, new AtomicBoolean());
    }
  }

  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();
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
   * The destination's settings, or empty when it no longer exists. When the cached settings are out
   * of date, one caller reloads them while the others go on with the old ones for that moment, so
   * the many attempts in flight to one destination do not all read it at once.
   */
  public Optional<DestinationSettings> find(String id) {
    Instant now = clock.instant();
    Entry entry = cache.get(id);
    if (entry == null) {
      return reload(id, now);
    }
    if (entry.expires().isBefore(now) && entry.refreshing().compareAndSet(false, true)) {
      try {
        return reload(id, now);
      } catch (RuntimeException e) {
        entry.refreshing().set(false);
        throw e;
      }
    }
    return entry.settings();
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
