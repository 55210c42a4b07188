package io.hookyard.delivery.delivery;

import static io.hookyard.delivery.delivery.Sql.SCHEMA;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.id.Ids;
import io.hookyard.delivery.action.StepProgress;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.destination.DestinationDirectory;
import io.hookyard.delivery.operational.OperationalEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Writes finished attempts, many in one transaction: each attempt into the log, each delivery moved
 * on (succeeded, retry at its next time, or dead), and each destination's health. A success clears
 * a destination's failures and closes its circuit; failures in a row open the circuit at the
 * threshold; a destination failing without a break for the configured time (five days by default),
 * or answering 410 Gone, is paused and the tenant told through its operational destination.
 */
@ApplicationScoped
public class AttemptLedger {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INSERT_ATTEMPT =
      "insert into "
          + SCHEMA
          + "attempt (id, delivery_id, tenant, attempt_number, started_at,"
          + " duration_ms, request_method, request_url, request_headers, request_body,"
          + " response_status, response_headers, response_body, outcome, error_class,"
          + " error_detail, step, due_at, replay_id)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)";
  // One statement for the whole batch: the new values travel as parallel arrays.
  private static final String UPDATE_DELIVERIES =
      "update "
          + SCHEMA
          + "delivery d set attempt_count = d.attempt_count + 1, status = u.status,"
          + " next_attempt_at = coalesce(u.next_at::timestamptz, d.next_attempt_at),"
          + " lease_until = null, last_response_status = u.code, last_error = u.error,"
          + " updated_at = ?, completed_at = u.completed::timestamptz, dead_reason = u.dead,"
          + " route = coalesce(u.route, d.route), step_index = coalesce(u.step, d.step_index),"
          + " destination_id = coalesce(u.destination, d.destination_id),"
          + " schedule_start = case when u.restart then d.attempt_count + 1"
          + " else d.schedule_start end,"
          + " step_results = d.step_results || coalesce(u.result::jsonb, '{}'::jsonb),"
          + " action_error = coalesce(u.failure::jsonb, d.action_error)"
          + " from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::int[], ?::text[], ?::boolean[], ?::text[], ?::text[])"
          + " as u(id, status, next_at, code, error, completed, dead, route, step, destination,"
          + " restart, result, failure)"
          + " where d.id = u.id";

  private final DataSource dataSource;
  private final OperationalEvents operational;
  private final DestinationDirectory directory;
  private final DeliveryConfig config;
  private final Clock clock;

  public AttemptLedger(
      DataSource dataSource,
      OperationalEvents operational,
      DestinationDirectory directory,
      DeliveryConfig config,
      Clock clock) {
    this.dataSource = dataSource;
    this.operational = operational;
    this.directory = directory;
    this.config = config;
    this.clock = clock;
  }

  /** What a batch did to one destination, in the order the attempts finished. */
  private static final class Streak {
    String tenant;
    boolean succeeded;
    int failuresAfter;
    int failuresBefore;
    boolean probe;
    String pauseReason;
  }

  @Transactional
  public void recordAll(List<Outcome> outcomes) {
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      insertAttempts(connection, outcomes);
      updateDeliveries(connection, outcomes, now);
      DeliveryQueue.freeSlots(
          connection, outcomes.stream().map(outcome -> outcome.claim().deliveryId()).toList());
      for (Map.Entry<String, Streak> entry : streaks(outcomes).entrySet()) {
        updateHealth(connection, entry.getKey(), entry.getValue(), now);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record attempts", e);
    }
  }

  private static Map<String, Streak> streaks(List<Outcome> outcomes) {
    // Sorted, so that two instances lock destination rows in the same order.
    Map<String, Streak> streaks = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      if (!outcome.result().reachedForDestination()) {
        // A template or credential problem says nothing about the destination.
        continue;
      }
      Claim claim = outcome.claim();
      Streak streak = streaks.computeIfAbsent(claim.destinationId(), id -> new Streak());
      streak.tenant = claim.tenant();
      streak.failuresBefore = Math.max(streak.failuresBefore, claim.destinationFailures());
      streak.probe |= claim.probe();
      if (outcome.decision().succeeded()) {
        streak.succeeded = true;
        streak.failuresAfter = 0;
      } else {
        streak.failuresAfter++;
      }
      if (outcome.decision().pauseReason() != null) {
        streak.pauseReason = outcome.decision().pauseReason();
      }
    }
    return streaks;
  }

  private void updateHealth(Connection connection, String destinationId, Streak streak, Instant now)
      throws SQLException {
    if (streak.succeeded && streak.failuresAfter == 0) {
      if (streak.failuresBefore > 0 || streak.probe) {
        execute(
            connection,
            "update "
                + SCHEMA
                + "destination set consecutive_failures = 0, failing_since = null,"
                + " circuit_open_until = null where id = ?",
            destinationId);
      }
    } else if (streak.failuresAfter > 0) {
      recordFailures(connection, destinationId, streak, now);
    }
    if (streak.pauseReason != null) {
      pause(connection, destinationId, streak.tenant, streak.pauseReason, null, now);
    }
  }

  private void recordFailures(
      Connection connection, String destinationId, Streak streak, Instant now) throws SQLException {
    String set =
        streak.succeeded
            ? "consecutive_failures = ?, failing_since = ?"
            : "consecutive_failures = consecutive_failures + ?,"
                + " failing_since = coalesce(failing_since, ?)";
    try (PreparedStatement statement =
        connection.prepareStatement(
            "update "
                + SCHEMA
                + "destination set "
                + set
                + " where id = ?"
                + " returning consecutive_failures, failing_since, circuit_open_until, state")) {
      statement.setInt(1, streak.failuresAfter);
      Sql.setInstant(statement, 2, now);
      statement.setString(3, destinationId);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return;
        }
        int failures = rows.getInt("consecutive_failures");
        Instant failingSince = Sql.instant(rows, "failing_since");
        Instant openUntil = Sql.instant(rows, "circuit_open_until");
        if (failures >= config.circuit().failureThreshold()
            && (openUntil == null || !openUntil.isAfter(now) || streak.probe)) {
          openCircuit(connection, destinationId, now.plus(config.circuit().coolDown()));
        }
        boolean tooLong =
            failingSince != null && !failingSince.plus(config.circuit().pauseAfter()).isAfter(now);
        if (tooLong && "active".equals(rows.getString("state"))) {
          String reason =
              "The destination has failed every attempt since "
                  + failingSince
                  + "; paused after "
                  + config.circuit().pauseAfter().toDays()
                  + " days of failures.";
          pause(connection, destinationId, streak.tenant, reason, failingSince, now);
        }
      }
    }
  }

  private static void openCircuit(Connection connection, String destinationId, Instant until)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "update " + SCHEMA + "destination set circuit_open_until = ? where id = ?")) {
      Sql.setInstant(statement, 1, until);
      statement.setString(2, destinationId);
      statement.executeUpdate();
    }
  }

  private void pause(
      Connection connection,
      String destinationId,
      String tenant,
      String reason,
      Instant failingSince,
      Instant now)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "update "
                + SCHEMA
                + "destination set state = 'paused', state_reason = ?,"
                + " state_changed_at = ?, updated_at = ? where id = ? and state = 'active'")) {
      statement.setString(1, reason);
      Sql.setInstant(statement, 2, now);
      Sql.setInstant(statement, 3, now);
      statement.setString(4, destinationId);
      if (statement.executeUpdate() == 1) {
        operational.destinationPaused(connection, tenant, destinationId, reason, failingSince);
        directory.invalidate(destinationId);
      }
    }
  }

  private static void insertAttempts(Connection connection, List<Outcome> outcomes)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT_ATTEMPT)) {
      for (Outcome outcome : outcomes) {
        AttemptResult result = outcome.result();
        OutgoingRequest request = result.request();
        Claim claim = outcome.claim();
        statement.setString(1, Ids.newId(Ids.ATTEMPT));
        statement.setString(2, claim.deliveryId());
        statement.setString(3, claim.tenant());
        statement.setInt(4, claim.attemptsMade() + 1);
        Sql.setInstant(statement, 5, result.startedAt());
        statement.setInt(6, (int) Math.min(Integer.MAX_VALUE, result.durationMs()));
        statement.setString(7, request.method());
        statement.setString(8, request.url());
        statement.setString(9, json(HeaderRedaction.redact(request.loggedHeaders())));
        statement.setBytes(10, request.body());
        Sql.setInteger(statement, 11, result.status());
        statement.setString(
            12,
            result.responseHeaders() == null
                ? null
                : json(HeaderRedaction.redact(result.responseHeaders())));
        statement.setBytes(13, result.responseBody());
        statement.setString(14, outcome.decision().succeeded() ? "SUCCEEDED" : "FAILED");
        statement.setString(15, result.errorClass() == null ? null : result.errorClass().name());
        statement.setString(16, result.errorDetail());
        statement.setString(17, request.step());
        Sql.setInstant(statement, 18, claim.dueAt());
        statement.setString(19, claim.replayId());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static void updateDeliveries(Connection connection, List<Outcome> outcomes, Instant now)
      throws SQLException {
    int size = outcomes.size();
    String[] ids = new String[size];
    String[] statuses = new String[size];
    String[] nextAt = new String[size];
    Integer[] codes = new Integer[size];
    String[] errors = new String[size];
    String[] completed = new String[size];
    String[] dead = new String[size];
    String[] routes = new String[size];
    Integer[] steps = new Integer[size];
    String[] destinations = new String[size];
    Boolean[] restarts = new Boolean[size];
    String[] results = new String[size];
    String[] failures = new String[size];
    for (int i = 0; i < size; i++) {
      Outcome outcome = outcomes.get(i);
      AttemptDecision decision = outcome.decision();
      StepProgress progress = outcome.progress() == null ? plain(outcome) : outcome.progress();
      DeliveryStatus status = progress.status();
      ids[i] = outcome.claim().deliveryId();
      statuses[i] = status.name();
      nextAt[i] = progress.delay() == null ? null : now.plus(progress.delay()).toString();
      codes[i] = outcome.result().status();
      errors[i] =
          progress.lastError() != null
              ? progress.lastError()
              : lastError(outcome.result(), decision);
      completed[i] = status.isFinished() ? now.toString() : null;
      dead[i] = progress.deadReason() == null ? null : progress.deadReason().name();
      routes[i] = progress.route();
      steps[i] = progress.stepIndex();
      destinations[i] = progress.destinationId();
      restarts[i] = progress.restartSchedule();
      results[i] = progress.stepResult();
      failures[i] = progress.failure();
    }
    try (PreparedStatement statement = connection.prepareStatement(UPDATE_DELIVERIES)) {
      Sql.setInstant(statement, 1, now);
      statement.setArray(2, connection.createArrayOf("text", ids));
      statement.setArray(3, connection.createArrayOf("text", statuses));
      statement.setArray(4, connection.createArrayOf("text", nextAt));
      statement.setArray(5, connection.createArrayOf("int4", codes));
      statement.setArray(6, connection.createArrayOf("text", errors));
      statement.setArray(7, connection.createArrayOf("text", completed));
      statement.setArray(8, connection.createArrayOf("text", dead));
      statement.setArray(9, connection.createArrayOf("text", routes));
      statement.setArray(10, connection.createArrayOf("int4", steps));
      statement.setArray(11, connection.createArrayOf("text", destinations));
      statement.setArray(12, connection.createArrayOf("bool", restarts));
      statement.setArray(13, connection.createArrayOf("text", results));
      statement.setArray(14, connection.createArrayOf("text", failures));
      statement.executeUpdate();
    }
  }

  /** How a plain delivery moves on: as the decision says. */
  private static StepProgress plain(Outcome outcome) {
    AttemptDecision decision = outcome.decision();
    DeliveryStatus status =
        switch (decision.verdict()) {
          case SUCCEEDED -> DeliveryStatus.SUCCEEDED;
          case RETRY -> DeliveryStatus.FAILING;
          case DEAD -> DeliveryStatus.DEAD;
        };
    return new StepProgress(
        null,
        null,
        null,
        false,
        null,
        null,
        status,
        decision.delay(),
        status == DeliveryStatus.DEAD ? DeadReason.SCHEDULE_EXHAUSTED : null,
        null);
  }

  private static String lastError(AttemptResult result, AttemptDecision decision) {
    if (decision.succeeded()) {
      return null;
    }
    if (result.errorClass() != null) {
      return result.errorClass().name();
    }
    return "HTTP_" + result.status();
  }

  private static void execute(Connection connection, String sql, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, id);
      statement.executeUpdate();
    }
  }

  private static String json(Map<String, List<String>> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
