package io.hookyard.receiver.requestlog;

import io.hookyard.common.id.Ids;
import io.hookyard.receiver.ingest.StoredEvent;
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

  /**
   * The id of the request that brought in an event: the event id's time-ordered part under the
   * request prefix. An accepted request has no row of its own; its event is its entry (ADR 44).
   */
  public static String requestIdOf(String eventId) {
    return Ids.retyped(Ids.REQUEST, eventId);
  }

  /**
   * The event a request with this id would have brought in, by the rule of {@link #requestIdOf}.
   */
  static String eventIdOf(String requestId) {
    return Ids.retyped(Ids.EVENT, requestId);
  }

  /**
   * The entry of a request whose event was already stored (the vendor delivered it again): it
   * stored nothing, so it gets a row of its own pointing at the first event.
   */
  public static RequestLogEntry duplicateOf(StoredEvent event, String firstEventId) {
    RequestLogEntry entry = new RequestLogEntry();
    entry.id = requestIdOf(event.id);
    entry.tenant = event.tenant;
    entry.sourceId = event.sourceId;
    entry.receivedAt = event.receivedAt;
    entry.method = event.method;
    entry.status = event.responseStatus;
    entry.verdict = Verdict.DUPLICATE;
    entry.headers = event.headers;
    entry.eventId = firstEventId;
    return entry;
  }
}
