package io.hookyard.receiver.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntry, String> {

  /**
   * Locks up to {@code limit} due entries for the current transaction. Rows another replica holds
   * are skipped rather than waited for, so several relays share the outbox without blocking.
   */
  @SuppressWarnings("unchecked")
  public List<OutboxEntry> lockDue(Instant now, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "select * from {h-schema}outbox where next_attempt_at <= :now"
                + " order by next_attempt_at, event_id limit :limit for update skip locked",
            OutboxEntry.class)
        .setParameter("now", now)
        .setParameter("limit", limit)
        .getResultList();
  }
}
