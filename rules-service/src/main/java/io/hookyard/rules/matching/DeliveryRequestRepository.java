package io.hookyard.rules.matching;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DeliveryRequestRepository
    implements PanacheRepositoryBase<DeliveryRequestRecord, String> {

  /** Locks up to {@code limit} due, unforwarded requests, skipping those another replica holds. */
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
        .getResultList();
  }
}
