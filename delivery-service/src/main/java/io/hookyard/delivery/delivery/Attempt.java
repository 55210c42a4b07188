package io.hookyard.delivery.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One try at a delivery: what was sent and what came back. */
@Entity
@Table(name = "attempt")
public class Attempt {
  @Id public String id;

  @Column(name = "delivery_id", nullable = false)
  public String deliveryId;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "attempt_number", nullable = false)
  public int attemptNumber;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "duration_ms", nullable = false)
  public int durationMs;

  @Column(name = "request_method", nullable = false)
  public String requestMethod;

  @Column(name = "request_url", nullable = false)
  public String requestUrl;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "request_headers", nullable = false)
  public Map<String, List<String>> requestHeaders;

  @Column(name = "request_body", nullable = false)
  public byte[] requestBody;

  @Column(name = "response_status")
  public Integer responseStatus;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "response_headers")
  public Map<String, List<String>> responseHeaders;

  @Column(name = "response_body")
  public byte[] responseBody;

  @Column(nullable = false)
  public String outcome;

  @Column(name = "error_class")
  public String errorClass;

  @Column(name = "error_detail")
  public String errorDetail;

  /** The replay whose round this attempt belongs to; null for the original round. */
  @Column(name = "replay_id")
  public String replayId;

  /** The step of the delivery this attempt ran; {@code deliver} for every attempt today. */
  @Column(nullable = false)
  public String step;

  /** When the delivery fell due for this attempt. */
  @Column(name = "due_at")
  public Instant dueAt;
}
