package io.hookyard.receiver.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.receiver.requestlog.RequestLogEntry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The group commit's statements: a whole batch of events (with their outbox entries) in one
 * statement, and its request log entries in another. Each column of the batch is bound as one array
 * and {@code unnest}ed, so PostgreSQL plans and runs one insert per table per batch instead of one
 * per row.
 */
final class IngestTables {
  private static final String EVENT_COLUMNS =
      "id, tenant, source_id, ce_source, vendor, type, subject, operation, vendor_delivery_id,"
          + " content_type, headers, body, received_at, traceparent";
  private static final String LOG_COLUMNS =
      "id, tenant, source_id, received_at, method, verdict, status, reason, detail, headers,"
          + " event_id";

  private final ObjectMapper json = new ObjectMapper();
  private final String insertEvents;
  private final String insertLogs;
  private final String findWinner;

  IngestTables(String schema) {
    // An event whose vendor delivery id is already stored (or repeated in the batch) is skipped and
    // gets no outbox entry; the statement returns the ids it inserted.
    this.insertEvents =
        "with inserted as (insert into "
            + schema
            + ".event ("
            + EVENT_COLUMNS
            + ") select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::jsonb[], ?::bytea[],"
            + " ?::timestamptz[], ?::text[])"
            + " on conflict (source_id, vendor_delivery_id) where vendor_delivery_id is not null"
            + " do nothing returning id, received_at),"
            + " queued as (insert into "
            + schema
            + ".outbox (event_id, attempts, next_attempt_at)"
            + " select id, 0, received_at from inserted)"
            + " select id from inserted";
    this.insertLogs =
        "insert into "
            + schema
            + ".request_log ("
            + LOG_COLUMNS
            + ") select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],"
            + " ?::text[], ?::int4[], ?::text[], ?::text[], ?::jsonb[], ?::text[])";
    this.findWinner =
        "select id from " + schema + ".event where source_id = ? and vendor_delivery_id = ?";
  }

  /** Inserts the events and the outbox entries of the new ones; returns the ids it inserted. */
  Set<String> insertEvents(Connection connection, List<StoredEvent> events, HeadersJson headers)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertEvents)) {
      int column = 0;
      insert.setArray(++column, texts(connection, events, event -> event.id));
      insert.setArray(++column, texts(connection, events, event -> event.tenant));
      insert.setArray(++column, texts(connection, events, event -> event.sourceId));
      insert.setArray(++column, texts(connection, events, event -> event.ceSource));
      insert.setArray(++column, texts(connection, events, event -> event.vendor));
      insert.setArray(++column, texts(connection, events, event -> event.type));
      insert.setArray(++column, texts(connection, events, event -> event.subject));
      insert.setArray(++column, texts(connection, events, event -> event.operation));
      insert.setArray(++column, texts(connection, events, event -> event.vendorDeliveryId));
      insert.setArray(++column, texts(connection, events, event -> event.contentType));
      insert.setArray(++column, texts(connection, events, event -> headers.of(event.headers)));
      insert.setArray(
          ++column,
          connection.createArrayOf(
              "bytea", events.stream().map(event -> event.body).toArray(byte[][]::new)));
      insert.setArray(++column, texts(connection, events, event -> event.receivedAt.toString()));
      insert.setArray(++column, texts(connection, events, event -> event.traceparent));
      Set<String> inserted = new HashSet<>();
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          inserted.add(rows.getString(1));
        }
      }
      return inserted;
    }
  }

  /** The id of the event that got there first with the same vendor delivery id, if any. */
  String winner(Connection connection, StoredEvent event) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(findWinner)) {
      query.setString(1, event.sourceId);
      query.setString(2, event.vendorDeliveryId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  void insertLogs(Connection connection, List<RequestLogEntry> logs, HeadersJson headers)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertLogs)) {
      int column = 0;
      insert.setArray(++column, texts(connection, logs, log -> log.id));
      insert.setArray(++column, texts(connection, logs, log -> log.tenant));
      insert.setArray(++column, texts(connection, logs, log -> log.sourceId));
      insert.setArray(++column, texts(connection, logs, log -> log.receivedAt.toString()));
      insert.setArray(++column, texts(connection, logs, log -> log.method));
      insert.setArray(++column, texts(connection, logs, log -> log.verdict.name()));
      insert.setArray(
          ++column,
          connection.createArrayOf(
              "int4", logs.stream().map(log -> log.status).toArray(Integer[]::new)));
      insert.setArray(++column, texts(connection, logs, log -> log.reason));
      insert.setArray(++column, texts(connection, logs, log -> log.detail));
      insert.setArray(++column, texts(connection, logs, log -> headers.of(log.headers)));
      insert.setArray(++column, texts(connection, logs, log -> log.eventId));
      insert.executeUpdate();
    }
  }

  /** A fresh cache for one batch, in which an event and its log entry share one headers map. */
  HeadersJson headersJson() {
    return new HeadersJson(json);
  }

  /** Headers written as JSON once per map, however many rows carry the same map. */
  static final class HeadersJson {
    private final ObjectMapper json;
    private final Map<Object, String> written = new IdentityHashMap<>();

    private HeadersJson(ObjectMapper json) {
      this.json = json;
    }

    String of(Map<String, List<String>> headers) {
      return written.computeIfAbsent(headers, this::write);
    }

    private String write(Object headers) {
      try {
        return json.writeValueAsString(headers);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Headers that cannot be written as JSON", e);
      }
    }
  }

  private static <T> Array texts(Connection connection, List<T> rows, Function<T, String> column)
      throws SQLException {
    String[] values = new String[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = column.apply(rows.get(i));
    }
    return connection.createArrayOf("text", values);
  }
}
