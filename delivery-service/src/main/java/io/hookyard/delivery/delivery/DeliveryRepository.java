package io.hookyard.delivery.delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, String> {

  /**
   * Locks up to {@code limit} deliveries that are due and not leased by a live worker. Rows other
   * workers hold are skipped, so several instances share the queue without waiting on each other.
   */
  @SuppressWarnings("unchecked")
  public List<Delivery> lockDue(Instant now, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "select * from {h-schema}delivery"
                + " where status in ('PENDING', 'FAILING') and next_attempt_at <= :now"
                + " and (lease_until is null or lease_until < :now)"
                + " order by next_attempt_at limit :limit for update skip locked",
            Delivery.class)
        .setParameter("now", now)
        .setParameter("limit", limit)
        .getResultList();
  }

  /** Adds a delivery unless one with its id exists; true when this call added it. */
  public boolean insertIfNew(Delivery delivery) {
    return getEntityManager()
            .createNativeQuery(
                "insert into {h-schema}delivery (id, tenant, event_id, event_type, subscription_id,"
                    + " destination_id, event, status, attempt_count, next_attempt_at, created_at,"
                    + " updated_at) values (:id, :tenant, :eventId, :eventType, :subscriptionId,"
                    + " :destinationId, :event, :status, 0, :now, :now, :now)"
                    + " on conflict (id) do nothing")
            .setParameter("id", delivery.id)
            .setParameter("tenant", delivery.tenant)
            .setParameter("eventId", delivery.eventId)
            .setParameter("eventType", delivery.eventType)
            .setParameter("subscriptionId", delivery.subscriptionId)
            .setParameter("destinationId", delivery.destinationId)
            .setParameter("event", delivery.event)
            .setParameter("status", DeliveryStatus.PENDING.name())
            .setParameter("now", delivery.createdAt)
            .executeUpdate()
        == 1;
  }
}
