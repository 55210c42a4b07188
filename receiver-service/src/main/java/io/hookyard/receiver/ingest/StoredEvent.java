package io.hookyard.receiver.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An accepted event: the envelope attributes the receiver derived, plus the raw request. */
@Entity
@Table(name = "event")
public class StoredEvent {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "source_id", nullable = false)
  public String sourceId;

  /** The CloudEvents {@code source} attribute: the hook path the event arrived at. */
  @Column(name = "ce_source", nullable = false)
  public String ceSource;

  @Column(nullable = false)
  public String vendor;

  @Column(nullable = false)
  public String type;

  public String subject;

  /** Created, Updated or Deleted, where the vendor states it. */
  public String operation;

  @Column(name = "vendor_delivery_id")
  public String vendorDeliveryId;

  @Column(name = "content_type", nullable = false)
  public String contentType;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, List<String>> headers;

  @Column(nullable = false)
  public byte[] body;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  /** Made from a vendor sample by hand (a mock send), not received from the vendor. */
  @Column(nullable = false)
  public boolean mock;

  /** The trace context of the request that brought the event in, or null when not traced. */
  public String traceparent;

  /**
   * The method of the request that brought the event in; with {@link #responseStatus} it makes the
   * event that request's request log entry. Null on mock sends, which no request brought.
   */
  public String method;

  /** The status the request that brought the event in was answered with. */
  @Column(name = "response_status")
  public Integer responseStatus;
}
