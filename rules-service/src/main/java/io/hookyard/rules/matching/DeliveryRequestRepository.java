package io.hookyard.rules.matching;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class DeliveryRequestRepository
    implements PanacheRepositoryBase<DeliveryRequestRecord, String> {

  /**
   * Locks up to {@code limit} due, unforwarded requests, skipping those another replica holds. They
   * come read-only: the relay changes them with bulk statements, so Hibernate need not keep a copy
   * of each to compare at commit.
   */
  @SuppressWarnings("unchecked")
  public List<DeliveryRequestRecord> lockDue(Instant now, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "select * from {h-schema}delivery_request"
                + " where forwarded_at is null and next_attempt_at <= :now"
                + " order by next_attempt_at, id limit :limit for update skip locked",
            DeliveryRequestRecord.class)
        .setParameter("now", now)
        .setParameter("limit", limit)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultList();
  }

  /** Marks requests delivery-service confirmed, in one statement. */
  public void markForwarded(List<String> ids, Instant now) {
    update("forwardedAt = ?1 where id in ?2", now, ids);
  }

  /** Puts a request off after a failed hand-over. */
  public void postpone(String id, int attempts, Instant nextAttemptAt, String lastError) {
    update(
        "attempts = ?1, nextAttemptAt = ?2, lastError = ?3 where id = ?4",
        attempts,
        nextAttemptAt,
        lastError,
        id);
  }
}
