package io.hookyard.receiver.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class SourceSecretRepository implements PanacheRepositoryBase<SourceSecret, String> {

  /** The secrets that verify at {@code now}, newest first. */
  public List<SourceSecret> verifyingAt(String sourceId, Instant now) {
    return list(
        "sourceId = ?1 and (expiresAt is null or expiresAt > ?2) order by createdAt desc",
        sourceId,
        now);
  }
}
