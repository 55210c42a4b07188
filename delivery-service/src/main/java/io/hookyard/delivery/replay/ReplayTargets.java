package io.hookyard.delivery.replay;

import io.hookyard.delivery.delivery.DeliveryStatus;
import io.hookyard.delivery.log.DeliveryFilter;
import io.hookyard.delivery.log.SqlWhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The deliveries a replay works on. A replay locks its targets (in id order, so two replays over
 * the same deliveries never deadlock), leaves alone the ones a worker holds under a live lease, and
 * puts the others back in the queue. Workers claim with {@code SKIP LOCKED} and never send a
 * delivery without a lease, so a replay and a worker never send the same delivery at once.
 */
@ApplicationScoped
public class ReplayTargets {
  private static final int REQUEUE_CHUNK = 1000;
  private static final String IN_FLIGHT =
      "(status in ('PENDING', 'FAILING') and lease_until is not null and lease_until >= :now)";

  private final EntityManager entityManager;

  public ReplayTargets(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A delivery a replay may act on, as it stands once locked. */
  public record Target(String id, DeliveryStatus status, boolean inFlight) {}

  /** Locks up to {@code limit} deliveries matching {@code filter}, in id order. */
  public List<Target> lock(String tenant, DeliveryFilter filter, Instant now, int limit) {
    SqlWhere where = filter.where(tenant).parameter("now", now);
    String sql =
        "select id, status, "
            + IN_FLIGHT
            + " from {h-schema}delivery where "
            + where
            + " order by id limit :limit for update";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        where
            .bind(entityManager.createNativeQuery(sql))
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Target(
                    (String) row[0],
                    DeliveryStatus.valueOf((String) row[1]),
                    Boolean.TRUE.equals(row[2])))
        .toList();
  }

  /**
   * Starts a new round for each delivery: due now, retry schedule from its first entry, attempt
   * numbers carrying on, and its next attempts marked with {@code replayId}. An action starts again
   * at the step that failed (the steps before it succeeded and are not sent again, their responses
   * kept); a succeeded one runs every step again. The id stays, so receivers can tell a replayed
   * delivery from a new one. The caller holds the rows' locks.
   */
  public int requeue(List<String> ids, String replayId, Instant now) {
    int queued = 0;
    for (int from = 0; from < ids.size(); from += REQUEUE_CHUNK) {
      queued +=
          entityManager
              .createNativeQuery(
                  "update {h-schema}delivery d set status = 'PENDING', next_attempt_at = :now,"
                      + " lease_until = null, completed_at = null, dead_reason = null,"
                      + " schedule_start = d.attempt_count, replay_id = :replayId,"
                      + " updated_at = :now, route = n.route, step_index = n.step,"
                      + " destination_id = coalesce(case when n.route = 'main'"
                      + " then d.action->'steps'->n.step->>'destinationId'"
                      + " else d.action->'errorRoute'->'steps'->n.step->>'destinationId' end,"
                      + " d.destination_id),"
                      + " step_results = case when d.status = 'SUCCEEDED' then '{}'::jsonb"
                      + " else d.step_results end,"
                      + " action_error = null"
                      + " from (select id,"
                      + " case when status = 'SUCCEEDED' then 0"
                      + " when action_error is not null then (action_error->>'stepIndex')::int"
                      + " else step_index end as step,"
                      + " case when status = 'SUCCEEDED' or action_error is not null then 'main'"
                      + " else route end as route"
                      + " from {h-schema}delivery where id in (:ids)) n"
                      + " where d.id = n.id")
              .setParameter("now", now)
              .setParameter("replayId", replayId)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + REQUEUE_CHUNK)))
              .executeUpdate();
    }
    return queued;
  }

  /** Where the deliveries whose current round {@code replayId} started stand now. */
  public Map<DeliveryStatus, Long> progress(String replayId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select status, count(*) from {h-schema}delivery where replay_id = :replayId"
                    + " group by status")
            .setParameter("replayId", replayId)
            .getResultList();
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    rows.forEach(
        row -> counts.put(DeliveryStatus.valueOf((String) row[0]), ((Number) row[1]).longValue()));
    return counts;
  }
}
