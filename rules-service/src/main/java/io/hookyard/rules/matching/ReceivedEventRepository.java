package io.hookyard.rules.matching;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

@ApplicationScoped
public class ReceivedEventRepository implements PanacheRepositoryBase<ReceivedEvent, String> {
  private static final String INSERT_NEW =
      "insert into "
          + Sql.SCHEMA
          + "received_event (id, tenant, type, envelope, received_at)"
          + " select u.id, u.tenant, u.type, u.envelope, ?"
          + " from unnest(?::text[], ?::text[], ?::text[], ?::bytea[]) as u(id, tenant, type, envelope)"
          + " on conflict (id) do nothing returning id";
  private static final String REPLACE_ENVELOPES =
      "update "
          + Sql.SCHEMA
          + "received_event r set envelope = u.envelope"
          + " from unnest(?::text[], ?::bytea[]) as u(id, envelope) where r.id = u.id";

  /** An event to record: its id, tenant, type and envelope. */
  public record Incoming(String id, String tenant, String type, byte[] envelope) {}

  /**
   * Records the events not recorded before, in one statement, and returns the ids it recorded. Safe
   * when two replicas take the same events at once: each id is recorded by exactly one of them. The
   * rows go in by id, so that two replicas inserting overlapping batches take the index's locks in
   * the same order and wait for each other instead of deadlocking.
   */
  public Set<String> recordNew(List<Incoming> events, Instant now) {
    List<Incoming> byId = events.stream().sorted(Comparator.comparing(Incoming::id)).toList();
    return getEntityManager()
        .unwrap(Session.class)
        .doReturningWork(connection -> insertNew(connection, byId, now));
  }

  private static Set<String> insertNew(Connection connection, List<Incoming> events, Instant now)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
      insert.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.setArray(2, Sql.texts(connection, events.stream().map(Incoming::id).toList()));
      insert.setArray(3, Sql.texts(connection, events.stream().map(Incoming::tenant).toList()));
      insert.setArray(4, Sql.texts(connection, events.stream().map(Incoming::type).toList()));
      insert.setArray(
          5,
          connection.createArrayOf(
              "bytea", events.stream().map(Incoming::envelope).toArray(byte[][]::new)));
      Set<String> recorded = new HashSet<>();
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          recorded.add(rows.getString(1));
        }
      }
      return recorded;
    }
  }

  /** Replaces stored envelopes, where matching added what the vendor left out. */
  public void replaceEnvelopes(Map<String, byte[]> envelopes) {
    if (envelopes.isEmpty()) {
      return;
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement update = connection.prepareStatement(REPLACE_ENVELOPES)) {
                update.setArray(1, Sql.texts(connection, List.copyOf(envelopes.keySet())));
                update.setArray(
                    2,
                    connection.createArrayOf("bytea", envelopes.values().toArray(byte[][]::new)));
                update.executeUpdate();
              }
            });
  }
}
