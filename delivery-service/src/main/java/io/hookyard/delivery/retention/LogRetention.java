package io.hookyard.delivery.retention;

import io.hookyard.delivery.config.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Drops what the delivery log no longer keeps, one bounded batch per transaction: finished
 * deliveries (succeeded or dead) that finished before the retention, with their attempts, and
 * replay records made before it. Deliveries still waiting for an attempt are never dropped, however
 * old. Batches lock with {@code SKIP LOCKED}, so replicas running the job at once take different
 * rows, and a delivery a replay holds is left for a later run.
 */
@ApplicationScoped
public class LogRetention {
  private final EntityManager entityManager;
  private final DeliveryConfig.Retention config;
  private final Clock clock;

  public LogRetention(EntityManager entityManager, DeliveryConfig config, Clock clock) {
    this.entityManager = entityManager;
    this.config = config.retention();
    this.clock = clock;
  }

  /** What one batch dropped. */
  public record Dropped(int deliveries, int attempts, int replays) {
    /** True when the batch was full, so there may be more to drop at once. */
    boolean full(int batchSize) {
      return deliveries >= batchSize || replays >= batchSize;
    }
  }

  /** Drops up to one batch of expired deliveries and one of expired replays. */
  @Transactional
  public Dropped dropBatch() {
    Instant cutoff = clock.instant().minus(config.maxAge());
    List<String> ids = lockFinishedBefore(cutoff);
    int attempts = 0;
    int deliveries = 0;
    if (!ids.isEmpty()) {
      attempts =
          entityManager
              .createNativeQuery("delete from {h-schema}attempt where delivery_id in (:ids)")
              .setParameter("ids", ids)
              .executeUpdate();
      deliveries =
          entityManager
              .createNativeQuery("delete from {h-schema}delivery where id in (:ids)")
              .setParameter("ids", ids)
              .executeUpdate();
    }
    int replays =
        entityManager
            .createNativeQuery(
                "delete from {h-schema}replay where id in (select id from {h-schema}replay"
                    + " where created_at < :cutoff order by created_at limit :limit"
                    + " for update skip locked)")
            .setParameter("cutoff", cutoff)
            .setParameter("limit", config.batchSize())
            .executeUpdate();
    return new Dropped(deliveries, attempts, replays);
  }

  public int batchSize() {
    return config.batchSize();
  }

  @SuppressWarnings("unchecked")
  private List<String> lockFinishedBefore(Instant cutoff) {
    return entityManager
        .createNativeQuery(
            "select id from {h-schema}delivery where status in ('SUCCEEDED', 'DEAD')"
                + " and completed_at < :cutoff order by completed_at limit :limit"
                + " for update skip locked")
        .setParameter("cutoff", cutoff)
        .setParameter("limit", config.batchSize())
        .getResultList();
  }
}
