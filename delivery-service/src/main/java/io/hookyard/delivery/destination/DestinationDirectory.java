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
  private final DestinationRepository destinations;
  private final DestinationSecretRepository secrets;
  private final SecretBox secretBox;
  private final Clock clock;

  public DestinationDirectory(
      DestinationRepository destinations,
      DestinationSecretRepository secrets,
      SecretBox secretBox,
      Clock clock) {
    this.destinations = destinations;
    this.secrets = secrets;
    this.secretBox = secretBox;
    this.clock = clock;
  }

  /** The destination's settings, or empty when it no longer exists. */
  public Optional<DestinationSettings> find(String id) {
    Instant now = clock.instant();
    Entry entry = cache.get(id);
    if (entry == null || entry.expires().isBefore(now)) {
      // Workers call this on virtual threads with no transaction; a cache miss opens its own.
      Optional<DestinationSettings> loaded =
          QuarkusTransaction.joiningExisting().call(() -> load(id, now));
      entry = new Entry(loaded, now.plus(CACHE_TIME));
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(id, entry);
    }
    return entry.settings();
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
            d.headers == null ? java.util.Map.of() : java.util.Map.copyOf(d.headers),
            Duration.ofMillis(d.timeoutMs),
            SuccessCodes.parse(d.successCodes),
            d.retrySchedule == null ? null : RetrySchedule.split(d.retrySchedule),
            d.rateLimit,
            d.maxConcurrency,
            d.fifo,
            keys));
  }
}
