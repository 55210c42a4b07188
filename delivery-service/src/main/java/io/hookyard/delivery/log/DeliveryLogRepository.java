package io.hookyard.delivery.log;

import io.hookyard.delivery.delivery.DeadReason;
import io.hookyard.delivery.delivery.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The delivery log's reads in native SQL: keyset pages and per-period counts, shaped to use the
 * {@code delivery_log_*} indexes. Pages read the summary columns only, never the event.
 */
@ApplicationScoped
public class DeliveryLogRepository {
  private static final String SUMMARY_COLUMNS =
      "id, tenant, event_id, event_type, subscription_id, destination_id, status, attempt_count,"
          + " next_attempt_at, last_response_status, last_error, dead_reason, replay_id,"
          + " created_at, updated_at, completed_at, mock";

  private final EntityManager entityManager;

  public DeliveryLogRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Up to {@code limit} deliveries after {@code after} (or from the newest), newest first. */
  public List<DeliveryView> page(String tenant, DeliveryFilter filter, LogCursor after, int limit) {
    SqlWhere where = filter.where(tenant);
    if (after != null) {
      // The first bound lets PostgreSQL start its index scan at the cursor instead of filtering
      // its way there; the second breaks ties between deliveries created at the same instant.
      where
          .and("created_at <= :afterAt", "afterAt", after.createdAt())
          .and("(created_at < :afterAt or id < :afterId)", "afterId", after.id());
    }
    String sql =
        "select "
            + SUMMARY_COLUMNS
            + " from {h-schema}delivery where "
            + where
            + " order by created_at desc, id desc limit :limit";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        where
            .bind(entityManager.createNativeQuery(sql))
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream().map(DeliveryLogRepository::summary).toList();
  }

  /**
   * How many deliveries there are per period start (epoch seconds, UTC) and status.
   *
   * @param unit {@code hour} or {@code day}
   */
  public List<PeriodCount> countPerPeriod(String tenant, DeliveryFilter filter, String unit) {
    SqlWhere where = filter.where(tenant);
    String sql =
        "select extract(epoch from date_trunc(:unit, created_at, 'UTC'))::bigint as period,"
            + " status, count(*) from {h-schema}delivery where "
            + where
            + " group by 1, 2";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        where.bind(entityManager.createNativeQuery(sql)).setParameter("unit", unit).getResultList();
    return rows.stream()
        .map(
            row ->
                new PeriodCount(
                    Instant.ofEpochSecond(Rows.count(row[0])),
                    DeliveryStatus.valueOf(Rows.text(row[1])),
                    Rows.count(row[2])))
        .toList();
  }

  /** The number of deliveries in one status created in one period. */
  public record PeriodCount(Instant periodStart, DeliveryStatus status, long count) {}

  private static DeliveryView summary(Object[] row) {
    DeliveryStatus status = DeliveryStatus.valueOf(Rows.text(row[6]));
    Instant completedAt = Rows.instant(row[15]);
    return new DeliveryView(
        Rows.text(row[0]),
        Rows.text(row[1]),
        Rows.text(row[2]),
        Rows.text(row[3]),
        Rows.text(row[4]),
        Rows.text(row[5]),
        status,
        Rows.integer(row[7]),
        status.isFinished() ? null : Rows.instant(row[8]),
        Rows.integer(row[9]),
        Rows.text(row[10]),
        row[11] == null ? null : DeadReason.valueOf(Rows.text(row[11])),
        status == DeliveryStatus.DEAD ? completedAt : null,
        Rows.text(row[12]),
        Boolean.TRUE.equals(row[16]),
        Rows.instant(row[13]),
        Rows.instant(row[14]),
        completedAt,
        null,
        null,
        null,
        null,
        null);
  }
}
