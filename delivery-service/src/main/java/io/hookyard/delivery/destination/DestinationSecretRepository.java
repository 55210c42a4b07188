package io.hookyard.delivery.destination;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DestinationSecretRepository
    implements PanacheRepositoryBase<DestinationSecret, String> {

  /** The secrets that sign at {@code now}, newest first. */
  public List<DestinationSecret> signingAt(String destinationId, Instant now) {
    return list(
        "destinationId = ?1 and (expiresAt is null or expiresAt > ?2) order by createdAt desc",
        destinationId,
        now);
  }
}
