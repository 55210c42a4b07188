package io.hookyard.receiver.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntry, String> {

  /**
   * Locks up to {@code limit} due entries for the current transaction. Rows another replica holds
   * are skipped rather than waited for, so several relays share the outbox without blocking. They
   * come read-only: the relay removes or postpones them with statements of its own, so Hibernate
   * need not keep a copy of each to compare at commit.
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
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultList();
  }

  /** Removes the entries of events the rules service confirmed, in one statement. */
  public void remove(List<String> eventIds) {
    delete("eventId in ?1", eventIds);
  }

  /** Puts entries off after a failed hand-over, in one statement. */
  public void postpone(
      List<String> eventIds, int attempts, Instant nextAttemptAt, String lastError) {
    update(
        "attempts = ?1, nextAttemptAt = ?2, lastError = ?3 where eventId in ?4",
        attempts,
        nextAttemptAt,
        lastError,
        eventIds);
  }
}
