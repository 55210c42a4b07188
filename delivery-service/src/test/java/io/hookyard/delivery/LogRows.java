package io.hookyard.delivery;

import io.hookyard.common.id.Ids;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes delivery log rows straight into the database, for tests that need deliveries in given
 * states at given times (old ones for retention, hours apart for summaries, many for replays). Rows
 * that are not finished get an attempt time far in the future, so no worker touches them.
 */
public final class LogRows {
  public static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  private final DataSource database;

  public LogRows(DataSource database) {
    this.database = database;
  }

  /** A delivery row to insert; every field has a default but the tenant. */
  public static final class Row {
    public String id = Ids.newId(Ids.DELIVERY);
    public String tenant;
    public String eventId = Ids.newId(Ids.EVENT);
    public String eventType = "device.locked";
    public String subscriptionId = "sub_1";
    public String destinationId = "dst_none";
    public String status = "DEAD";
    public int attemptCount = 0;
    public Instant nextAttemptAt = FAR_FUTURE;
    public Instant leaseUntil;
    public Integer lastResponseStatus;
    public Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    public Instant completedAt;

    public Row(String tenant) {
      this.tenant = tenant;
    }

    public Row status(String value) {
      status = value;
      return this;
    }

    public Row createdAt(Instant value) {
      createdAt = value;
      return this;
    }

    public Row completedAt(Instant value) {
      completedAt = value;
      return this;
    }

    public Row response(int status) {
      lastResponseStatus = status;
      return this;
    }

    public Row destination(String value) {
      destinationId = value;
      return this;
    }

    public Row subscription(String value) {
      subscriptionId = value;
      return this;
    }

    public Row eventType(String value) {
      eventType = value;
      return this;
    }

    public Row attempts(int value) {
      attemptCount = value;
      return this;
    }

    public Row leasedUntil(Instant value) {
      leaseUntil = value;
      return this;
    }

    byte[] event() {
      return """
          {"specversion":"1.0","id":"%s","source":"/hooks/%s/demo","type":"%s",\
          "datacontenttype":"application/json","data":{"device":"mac-1"}}"""
          .formatted(eventId, tenant, eventType)
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Inserts the rows; finished ones without a completion time finished when they were made. */
  public void insert(Row... rows) {
    String sql =
        "insert into delivery.delivery (id, tenant, event_id, event_type, subscription_id,"
            + " destination_id, event, status, attempt_count, next_attempt_at, lease_until,"
            + " last_response_status, created_at, updated_at, completed_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = database.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      for (Row row : rows) {
        boolean finished = row.status.equals("SUCCEEDED") || row.status.equals("DEAD");
        Instant completed = finished && row.completedAt == null ? row.createdAt : row.completedAt;
        insert.setString(1, row.id);
        insert.setString(2, row.tenant);
        insert.setString(3, row.eventId);
        insert.setString(4, row.eventType);
        insert.setString(5, row.subscriptionId);
        insert.setString(6, row.destinationId);
        insert.setBytes(7, row.event());
        insert.setString(8, row.status);
        insert.setInt(9, row.attemptCount);
        insert.setTimestamp(10, Timestamp.from(row.nextAttemptAt));
        insert.setTimestamp(11, row.leaseUntil == null ? null : Timestamp.from(row.leaseUntil));
        insert.setObject(12, row.lastResponseStatus);
        insert.setTimestamp(13, Timestamp.from(row.createdAt));
        insert.setTimestamp(14, Timestamp.from(row.createdAt));
        insert.setTimestamp(15, completed == null ? null : Timestamp.from(completed));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds {@code count} failed attempts to a delivery, numbered from 1. */
  public void attempts(String tenant, String deliveryId, int count) {
    String sql =
        "insert into delivery.attempt (id, delivery_id, tenant, attempt_number, started_at,"
            + " duration_ms, request_method, request_url, request_headers, request_body,"
            + " response_status, outcome) values (?, ?, ?, ?, now(), 3, 'POST',"
            + " 'http://127.0.0.1:9/in', '{}'::jsonb, '\\x7b7d'::bytea, 500, 'FAILED')";
    try (Connection connection = database.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int number = 1; number <= count; number++) {
        insert.setString(1, Ids.newId(Ids.ATTEMPT));
        insert.setString(2, deliveryId);
        insert.setString(3, tenant);
        insert.setInt(4, number);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs an update with text parameters and returns how many rows it changed. */
  public int update(String sql, Object... parameters) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a query that answers one number. */
  public long count(String sql, Object... parameters) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a query that answers one text column, such as ids. */
  public List<String> texts(String sql, Object... parameters) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<String> texts = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          texts.add(result.getString(1));
        }
      }
      return texts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The status a delivery has now. */
  public String status(String deliveryId) {
    return texts("select status from delivery.delivery where id = ?", deliveryId).getFirst();
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      statement.setObject(i + 1, value instanceof Instant at ? Timestamp.from(at) : value);
    }
  }
}
