package io.hookyard.receiver.requestlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One request to a source's hook URL and what the receiver made of it. */
@Entity
@Table(name = "request_log")
public class RequestLogEntry {
  /** What the receiver did with a request. */
  public enum Verdict {
    ACCEPTED,
    DUPLICATE,
    HANDSHAKE,
    REJECTED
  }

  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "source_id", nullable = false)
  public String sourceId;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(nullable = false)
  public String method;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Verdict verdict;

  @Column(nullable = false)
  public int status;

  /** The failed check or problem code of a rejected request. */
  public String reason;

  public String detail;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, List<String>> headers;

  @Column(name = "event_id")
  public String eventId;
}
