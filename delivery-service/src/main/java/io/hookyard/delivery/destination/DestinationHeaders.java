package io.hookyard.delivery.destination;

import io.hookyard.common.id.Ids;
import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the values of credential headers (those {@link DestinationView#isSensitive} names) sealed
 * in {@code destination_header_secret}; the destination row holds their names with a redacted
 * value. Sending opens them again ({@link #withSecrets}). A header sent back with the redacted
 * value, as a client that read the destination would, keeps its stored value.
 */
@ApplicationScoped
public class DestinationHeaders implements PanacheRepositoryBase<DestinationHeaderSecret, String> {
  private final SecretBox secretBox;
  private final Clock clock;

  public DestinationHeaders(SecretBox secretBox, Clock clock) {
    this.secretBox = secretBox;
    this.clock = clock;
  }

  /** Seals the credential headers of {@code headers}; returns what the destination row keeps. */
  public Map<String, String> seal(String destinationId, Map<String, String> headers) {
    Map<String, DestinationHeaderSecret> stored = new HashMap<>();
    for (DestinationHeaderSecret secret : list("destinationId", destinationId)) {
      stored.put(secret.name, secret);
    }
    Map<String, String> kept = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          if (!DestinationView.isSensitive(name)) {
            kept.put(name, value);
            return;
          }
          kept.put(name, DestinationView.REDACTED);
          DestinationHeaderSecret existing = stored.remove(name);
          if (existing != null && DestinationView.REDACTED.equals(value)) {
            return;
          }
          if (existing != null) {
            delete(existing);
            flush();
          }
          persist(sealed(destinationId, name, value));
        });
    stored.values().forEach(this::delete);
    return kept;
  }

  /** The headers to send: the row's headers with every credential opened. */
  public Map<String, String> withSecrets(String destinationId, Map<String, String> headers) {
    List<DestinationHeaderSecret> secrets = list("destinationId", destinationId);
    if (secrets.isEmpty()) {
      return headers == null ? Map.of() : Map.copyOf(headers);
    }
    Map<String, String> opened = new TreeMap<>(headers == null ? Map.of() : headers);
    for (DestinationHeaderSecret secret : secrets) {
      opened.put(secret.name, secretBox.open(new SealedSecret(secret.keyId, secret.ciphertext)));
    }
    return Map.copyOf(opened);
  }

  private DestinationHeaderSecret sealed(String destinationId, String name, String value) {
    SealedSecret sealed = secretBox.seal(value);
    DestinationHeaderSecret secret = new DestinationHeaderSecret();
    secret.id = Ids.newId(Ids.SECRET, clock);
    secret.destinationId = destinationId;
    secret.name = name;
    secret.keyId = sealed.keyId();
    secret.ciphertext = sealed.ciphertext();
    secret.createdAt = clock.instant();
    return secret;
  }
}
