package io.hookyard.rules.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.hibernate.Session;

/**
 * The last known data of each subject. {@link #lockAll} locks the subjects' rows for the rest of
 * the transaction, so that the state read, the match and the state written are one atomic step and
 * two replicas never compute the same transition twice or miss one.
 */
@ApplicationScoped
public class SubjectStates {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATE_MISSING =
      "insert into "
          + Sql.SCHEMA
          + "subject_state (tenant, source_id, subject, updated_at)"
          + " select u.tenant, u.source, u.subject, ?"
          + " from unnest(?::text[], ?::text[], ?::text[]) as u(tenant, source, subject)"
          + " on conflict do nothing";
  // Row locks are taken in the key's order, the same order in every replica.
  private static final String LOCK =
      "select s.tenant, s.source_id, s.subject, cast(s.data as text)"
          + " from "
          + Sql.SCHEMA
          + "subject_state s"
          + " join unnest(?::text[], ?::text[], ?::text[]) as u(tenant, source, subject)"
          + " on s.tenant = u.tenant and s.source_id = u.source and s.subject = u.subject"
          + " order by s.tenant, s.source_id, s.subject for update of s";
  private static final String SAVE =
      "update "
          + Sql.SCHEMA
          + "subject_state s set data = cast(u.data as jsonb), event_id = u.event,"
          + " updated_at = ? from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
          + " as u(tenant, source, subject, data, event)"
          + " where s.tenant = u.tenant and s.source_id = u.source and s.subject = u.subject";

  /** A subject's state to save: its data (null once deleted) and the event that brought it. */
  public record Saved(JsonNode data, String eventId) {}

  /**
   * Locks the rows of the given subjects, creating those that have none, and returns each one's
   * previous data (a null value when it has none). Two statements, however many subjects.
   */
  public Map<Subject, JsonNode> lockAll(SortedSet<Subject> subjects, Instant now) {
    if (subjects.isEmpty()) {
      return new HashMap<>();
    }
    List<Subject> keys = List.copyOf(subjects);
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement create = connection.prepareStatement(CREATE_MISSING)) {
                create.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                bindKeys(connection, create, 2, keys);
                create.executeUpdate();
              }
              return lock(connection, keys);
            });
  }

  private static Map<Subject, JsonNode> lock(Connection connection, List<Subject> keys)
      throws SQLException {
    Map<Subject, JsonNode> previous = new HashMap<>();
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      bindKeys(connection, lock, 1, keys);
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          String data = rows.getString(4);
          previous.put(
              new Subject(rows.getString(1), rows.getString(2), rows.getString(3)),
              data == null ? null : parse(data));
        }
      }
    }
    return previous;
  }

  /** Saves the subjects' new states in one statement; their rows must be locked by this batch. */
  public void saveAll(Map<Subject, Saved> states, Instant now) {
    if (states.isEmpty()) {
      return;
    }
    List<Subject> keys = List.copyOf(states.keySet());
    session()
        .doWork(
            connection -> {
              try (PreparedStatement save = connection.prepareStatement(SAVE)) {
                save.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                bindKeys(connection, save, 2, keys);
                save.setArray(
                    5,
                    Sql.texts(
                        connection,
                        keys.stream().map(key -> write(states.get(key).data())).toList()));
                save.setArray(
                    6,
                    Sql.texts(
                        connection, keys.stream().map(key -> states.get(key).eventId()).toList()));
                save.executeUpdate();
              }
            });
  }

  /**
   * The subject's previous data as it is now, or null, without creating or locking its row: for
   * mock events, which read the state but never change it.
   */
  public JsonNode peek(Subject subject) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "select cast(data as text) from {h-schema}subject_state"
                    + " where tenant = :tenant and source_id = :source and subject = :subject")
            .setParameter("tenant", subject.tenant())
            .setParameter("source", subject.source())
            .setParameter("subject", subject.subject())
            .getResultList();
    Object data = rows.isEmpty() ? null : rows.getFirst();
    return data == null ? null : parse(data.toString());
  }

  private static Session session() {
    return Panache.getEntityManager().unwrap(Session.class);
  }

  private static void bindKeys(
      Connection connection, PreparedStatement statement, int first, List<Subject> keys)
      throws SQLException {
    statement.setArray(first, Sql.texts(connection, keys.stream().map(Subject::tenant).toList()));
    statement.setArray(
        first + 1, Sql.texts(connection, keys.stream().map(Subject::source).toList()));
    statement.setArray(
        first + 2, Sql.texts(connection, keys.stream().map(Subject::subject).toList()));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String write(JsonNode data) {
    if (data == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("State that is not JSON", e);
    }
  }
}
