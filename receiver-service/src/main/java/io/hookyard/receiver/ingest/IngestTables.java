package io.hookyard.receiver.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.receiver.requestlog.RequestLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The group commit's statements: a whole batch of events (with their outbox entries) in one
 * statement, and its request log entries in another. Each column of the batch is bound as one array
 * and {@code unnest}ed, so PostgreSQL plans and runs one insert per table per batch instead of one
 * per row.
 */
final class IngestTables {
  private static final List<BatchColumn<StoredEvent>> EVENT_COLUMNS =
      List.of(
          BatchColumn.text("id", event -> event.id),
          BatchColumn.text("tenant", event -> event.tenant),
          BatchColumn.text("source_id", event -> event.sourceId),
          BatchColumn.text("ce_source", event -> event.ceSource),
          BatchColumn.text("vendor", event -> event.vendor),
          BatchColumn.text("type", event -> event.type),
          BatchColumn.text("subject", event -> event.subject),
          BatchColumn.text("operation", event -> event.operation),
          BatchColumn.text("vendor_delivery_id", event -> event.vendorDeliveryId),
          BatchColumn.text("content_type", event -> event.contentType),
          BatchColumn.headers("headers", event -> event.headers),
          BatchColumn.bytes("body", event -> event.body),
          BatchColumn.time("received_at", event -> event.receivedAt),
          BatchColumn.text("traceparent", event -> event.traceparent),
          BatchColumn.text("method", event -> event.method),
          BatchColumn.integer("response_status", event -> event.responseStatus));
  private static final List<BatchColumn<RequestLogEntry>> LOG_COLUMNS =
      List.of(
          BatchColumn.text("id", log -> log.id),
          BatchColumn.text("tenant", log -> log.tenant),
          BatchColumn.text("source_id", log -> log.sourceId),
          BatchColumn.time("received_at", log -> log.receivedAt),
          BatchColumn.text("method", log -> log.method),
          BatchColumn.text("verdict", log -> log.verdict.name()),
          BatchColumn.integer("status", log -> log.status),
          BatchColumn.text("reason", log -> log.reason),
          BatchColumn.text("detail", log -> log.detail),
          BatchColumn.headers("headers", log -> log.headers),
          BatchColumn.text("event_id", log -> log.eventId));

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
            + ".event "
            + BatchColumn.insertFromUnnest(EVENT_COLUMNS)
            + " on conflict (source_id, vendor_delivery_id) where vendor_delivery_id is not null"
            + " do nothing returning id, received_at),"
            + " queued as (insert into "
            + schema
            + ".outbox (event_id, attempts, next_attempt_at)"
            + " select id, 0, received_at from inserted)"
            + " select id from inserted";
    this.insertLogs =
        "insert into " + schema + ".request_log " + BatchColumn.insertFromUnnest(LOG_COLUMNS);
    this.findWinner =
        "select id from " + schema + ".event where source_id = ? and vendor_delivery_id = ?";
  }

  /** Inserts the events and the outbox entries of the new ones; returns the ids it inserted. */
  Set<String> insertEvents(Connection connection, List<StoredEvent> events, HeadersJson headers)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertEvents)) {
      BatchColumn.bind(insert, EVENT_COLUMNS, events, headers);
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
      BatchColumn.bind(insert, LOG_COLUMNS, logs, headers);
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
}
