package io.hookyard.delivery.replay;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ReplayRepository implements PanacheRepositoryBase<Replay, String> {

  /**
   * Adds a replay unless its tenant already has one with its idempotency key; true when this call
   * added it. A concurrent request with the same key waits here until the first one commits or
   * rolls back, so two requests with one key never both replay.
   */
  public boolean insertUnlessKeyTaken(Replay replay) {
    return getEntityManager()
            .createNativeQuery(
                "insert into {h-schema}replay (id, tenant, delivery_id, since, until,"
                    + " destination_id, subscription_id, event_type, statuses, response_code,"
                    + " criteria_delivery_id, event_id, include_succeeded, idempotency_key,"
                    + " request_fingerprint, requested_by, created_at) values"
                    + " (:id, :tenant, :deliveryId, :since, :until, :destinationId,"
                    + " :subscriptionId, :eventType, :statuses, :responseCode,"
                    + " :criteriaDeliveryId, :eventId, :includeSucceeded,"
                    + " :idempotencyKey, :fingerprint, :requestedBy, :createdAt)"
                    + " on conflict (tenant, idempotency_key) do nothing")
            .setParameter("id", replay.id)
            .setParameter("tenant", replay.tenant)
            .setParameter("deliveryId", replay.deliveryId)
            .setParameter("since", replay.since)
            .setParameter("until", replay.until)
            .setParameter("destinationId", replay.destinationId)
            .setParameter("subscriptionId", replay.subscriptionId)
            .setParameter("eventType", replay.eventType)
            .setParameter("statuses", replay.statuses)
            .setParameter("responseCode", replay.responseCode)
            .setParameter("criteriaDeliveryId", replay.criteriaDeliveryId)
            .setParameter("eventId", replay.eventId)
            .setParameter("includeSucceeded", replay.includeSucceeded)
            .setParameter("idempotencyKey", replay.idempotencyKey)
            .setParameter("fingerprint", replay.requestFingerprint)
            .setParameter("requestedBy", replay.requestedBy)
            .setParameter("createdAt", replay.createdAt)
            .executeUpdate()
        == 1;
  }

  public Optional<Replay> findByKey(String tenant, String idempotencyKey) {
    return find("tenant = ?1 and idempotencyKey = ?2", tenant, idempotencyKey)
        .firstResultOptional();
  }

  public Optional<Replay> findInTenant(String tenant, String id) {
    return find("tenant = ?1 and id = ?2", tenant, id).firstResultOptional();
  }
}
