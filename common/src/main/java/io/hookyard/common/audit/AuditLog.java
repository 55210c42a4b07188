package io.hookyard.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads a tenant's audit trail, newest first, with keyset paging on the (time-ordered) ids. */
@ApplicationScoped
public class AuditLog {
  private final EntityManager entityManager;
  private final ObjectMapper mapper;

  public AuditLog(EntityManager entityManager, ObjectMapper mapper) {
    this.entityManager = entityManager;
    this.mapper = mapper;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AuditPage page(String tenant, String before, String resourceId, int limit) {
    if (before != null && !Ids.isValid(AuditTrail.AUDIT, before)) {
      throw ProblemException.badRequest("invalid-cursor", "'before' is not an audit entry id.");
    }
    StringBuilder sql =
        new StringBuilder(
            "select id, at, subject, username, client, resource_type, resource_id, action,"
                + " cast(diff as text) from {h-schema}audit_entry where tenant = :tenant");
    if (before != null) {
      sql.append(" and id < :before");
    }
    if (resourceId != null) {
      sql.append(" and resource_id = :resourceId");
    }
    sql.append(" order by id desc limit :limit");
    Query query =
        entityManager
            .createNativeQuery(sql.toString())
            .setParameter("tenant", tenant)
            .setParameter("limit", limit + 1);
    if (before != null) {
      query.setParameter("before", before);
    }
    if (resourceId != null) {
      query.setParameter("resourceId", resourceId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<AuditEntryView> entries = new ArrayList<>();
    for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
      entries.add(view(row));
    }
    String next = rows.size() > limit ? entries.getLast().id() : null;
    return new AuditPage(entries, next);
  }

  private AuditEntryView view(Object[] row) {
    try {
      return new AuditEntryView(
          (String) row[0],
          instant(row[1]),
          (String) row[2],
          (String) row[3],
          (String) row[4],
          (String) row[5],
          (String) row[6],
          (String) row[7],
          mapper.readTree((String) row[8]));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An audit entry's diff is not JSON", e);
    }
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case Instant instant -> instant;
      case OffsetDateTime time -> time.toInstant();
      case java.sql.Timestamp timestamp -> timestamp.toInstant();
      default -> Instant.parse(String.valueOf(value));
    };
  }
}
