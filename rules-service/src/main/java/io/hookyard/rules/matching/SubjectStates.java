package io.hookyard.rules.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The last known data of each subject. {@link #lockPrevious} locks the subject's row for the rest
 * of the transaction, so that the state read, the match and the state written are one atomic step
 * and two replicas never compute the same transition twice or miss one.
 */
@ApplicationScoped
public class SubjectStates {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The subject's previous data, or null when it has none; the row stays locked. */
  public JsonNode lockPrevious(String tenant, String sourceId, String subject, Instant now) {
    EntityManager em = Panache.getEntityManager();
    em.createNativeQuery(
            "insert into {h-schema}subject_state (tenant, source_id, subject, updated_at)"
                + " values (:tenant, :source, :subject, :now) on conflict do nothing")
        .setParameter("tenant", tenant)
        .setParameter("source", sourceId)
        .setParameter("subject", subject)
        .setParameter("now", now)
        .executeUpdate();
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "select cast(data as text) from {h-schema}subject_state"
                    + " where tenant = :tenant and source_id = :source and subject = :subject"
                    + " for update")
            .setParameter("tenant", tenant)
            .setParameter("source", sourceId)
            .setParameter("subject", subject)
            .getResultList();
    Object data = rows.isEmpty() ? null : rows.getFirst();
    return data == null ? null : parse(data.toString());
  }

  /**
   * The subject's previous data as it is now, or null, without creating or locking its row: for
   * mock events, which read the state but never change it.
   */
  public JsonNode peek(String tenant, String sourceId, String subject) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "select cast(data as text) from {h-schema}subject_state"
                    + " where tenant = :tenant and source_id = :source and subject = :subject")
            .setParameter("tenant", tenant)
            .setParameter("source", sourceId)
            .setParameter("subject", subject)
            .getResultList();
    Object data = rows.isEmpty() ? null : rows.getFirst();
    return data == null ? null : parse(data.toString());
  }

  /** Records the subject's new data; a deleted subject has no state any more. */
  public void save(
      String tenant, String sourceId, String subject, JsonNode data, String eventId, Instant now) {
    Panache.getEntityManager()
        .createNativeQuery(
            "update {h-schema}subject_state set data = cast(:data as jsonb), event_id = :event,"
                + " updated_at = :now"
                + " where tenant = :tenant and source_id = :source and subject = :subject")
        .setParameter("data", data == null ? null : write(data))
        .setParameter("event", eventId)
        .setParameter("now", now)
        .setParameter("tenant", tenant)
        .setParameter("source", sourceId)
        .setParameter("subject", subject)
        .executeUpdate();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String write(JsonNode data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("State that is not JSON", e);
    }
  }
}
