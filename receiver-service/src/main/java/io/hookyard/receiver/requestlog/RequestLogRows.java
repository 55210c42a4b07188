package io.hookyard.receiver.requestlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.hookyard.common.id.Ids;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the request log from both places it lives (ADR 44): requests that stored no event have a
 * {@code request_log} row, and an accepted request is the event it stored, under a request id that
 * shares the event id's time-ordered part. A search merges the two, newest first by id.
 */
@Singleton
class RequestLogRows {
  // How far apart an entry's id and its time may be: far more than the moment between them.
  static final Duration ID_SLACK = Duration.ofSeconds(1);
  private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {};

  private final AgroalDataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();
  private final String logged;
  private final String accepted;

  RequestLogRows(
      AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.flyway.schemas") String schema) {
    this.dataSource = dataSource;
    this.logged =
        "select t.id, t.source_id, t.received_at, t.method, t.verdict, t.status, t.reason,"
            + " t.detail, t.headers::text as headers, t.event_id, null::bytea as body from "
            + schema
            + ".request_log t where t.tenant = ?";
    this.accepted =
        "select '"
            + Ids.REQUEST
            + "' || substr(t.id, "
            + (Ids.EVENT.length() + 1)
            + ") as id, t.source_id, t.received_at, t.method, 'ACCEPTED' as verdict,"
            + " t.response_status as status, null as reason, null as detail,"
            + " t.headers::text as headers, t.id as event_id, %s as body from "
            + schema
            + ".event t where t.tenant = ? and t.method is not null";
  }

  /** The filters of one search, already checked. */
  record Search(
      String tenant,
      String sourceId,
      RequestLogEntry.Verdict verdict,
      Instant since,
      Instant until,
      String cursor,
      Instant retainedSince,
      int rows) {}

  /** Up to {@code rows} entries, newest first, without bodies. */
  List<RequestLogView> search(Search search) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select * from ((");
    sql.append(logged);
    parameters.add(search.tenant());
    if (search.verdict() != null) {
      sql.append(" and t.verdict = ?");
      parameters.add(search.verdict().name());
    }
    bounds(sql, parameters, Ids.REQUEST, search);
    if (search.verdict() == null || search.verdict() == RequestLogEntry.Verdict.ACCEPTED) {
      sql.append(") union all (").append(accepted.formatted("null::bytea"));
      parameters.add(search.tenant());
      bounds(sql, parameters, Ids.EVENT, search);
    }
    sql.append(")) found order by id desc limit ?");
    parameters.add(search.rows());
    return query(sql.toString(), parameters);
  }

  /** An accepted request's entry with its body, if its event is there and still retained. */
  Optional<RequestLogView> accepted(String tenant, String requestId, Instant retainedSince) {
    String sql = accepted.formatted("t.body") + " and t.id = ? and t.received_at >= ?";
    List<RequestLogView> found =
        query(
            sql,
            List.of(
                tenant,
                RequestLogEntry.eventIdOf(requestId),
                retainedSince.atOffset(ZoneOffset.UTC)));
    return found.stream().findFirst();
  }

  /**
   * The search's filters on one table, and its newest-first order. Times are bounded on the
   * time-ordered id too, a little wider than the times, so that the index finds the range.
   */
  private static void bounds(
      StringBuilder sql, List<Object> parameters, String idPrefix, Search search) {
    if (search.sourceId() != null) {
      sql.append(" and t.source_id = ?");
      parameters.add(search.sourceId());
    }
    for (Instant since : new Instant[] {search.since(), search.retainedSince()}) {
      if (since != null) {
        sql.append(" and t.id >= ? and t.received_at >= ?");
        parameters.add(Ids.lowestAt(idPrefix, since.minus(ID_SLACK)));
        parameters.add(since.atOffset(ZoneOffset.UTC));
      }
    }
    if (search.until() != null) {
      sql.append(" and t.id < ? and t.received_at < ?");
      parameters.add(Ids.lowestAt(idPrefix, search.until().plus(ID_SLACK)));
      parameters.add(search.until().atOffset(ZoneOffset.UTC));
    }
    if (search.cursor() != null) {
      sql.append(" and t.id < ?");
      parameters.add(Ids.retyped(idPrefix, search.cursor()));
    }
    // Qualified, so that it orders by the table's id (its index), not by the selected one.
    sql.append(" order by t.id desc limit ?");
    parameters.add(search.rows());
  }

  private List<RequestLogView> query(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      List<RequestLogView> views = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          views.add(view(rows));
        }
      }
      return views;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the request log", e);
    }
  }

  private RequestLogView view(ResultSet row) throws SQLException {
    byte[] body = row.getBytes("body");
    return new RequestLogView(
        row.getString("id"),
        row.getString("source_id"),
        row.getObject("received_at", OffsetDateTime.class).toInstant(),
        row.getString("method"),
        RequestLogEntry.Verdict.valueOf(row.getString("verdict")),
        row.getInt("status"),
        row.getString("reason"),
        row.getString("detail"),
        headers(row.getString("headers")),
        row.getString("event_id"),
        body == null ? null : new String(body, StandardCharsets.UTF_8));
  }

  private Map<String, List<String>> headers(String stored) throws SQLException {
    try {
      return json.readValue(stored, HEADERS);
    } catch (JsonProcessingException e) {
      throw new SQLException("Stored headers that are not JSON", e);
    }
  }
}
