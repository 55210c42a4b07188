package io.hookyard.rules.matching;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class ReceivedEventRepository implements PanacheRepositoryBase<ReceivedEvent, String> {

  /**
   * Records an event unless it was recorded before; true when this call recorded it. Safe when two
   * replicas take the same event at once: exactly one of them gets true.
   */
  public boolean recordIfNew(String id, String tenant, String type, byte[] envelope, Instant now) {
    int inserted =
        getEntityManager()
            .createNativeQuery(
                "insert into {h-schema}received_event (id, tenant, type, envelope, received_at)"
                    + " values (:id, :tenant, :type, :envelope, :now) on conflict (id) do nothing")
            .setParameter("id", id)
            .setParameter("tenant", tenant)
            .setParameter("type", type)
            .setParameter("envelope", envelope)
            .setParameter("now", now)
            .executeUpdate();
    return inserted == 1;
  }

  /** Replaces the stored envelope, when matching added what the vendor left out. */
  public void replaceEnvelope(String id, byte[] envelope) {
    getEntityManager()
        .createNativeQuery(
            "update {h-schema}received_event set envelope = :envelope where id = :id")
        .setParameter("envelope", envelope)
        .setParameter("id", id)
        .executeUpdate();
  }
}
