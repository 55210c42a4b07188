package io.hookyard.delivery.log;

import io.hookyard.delivery.delivery.DeliveryStatus;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;

/** The delivery log's search filters, as query parameters. Every filter is optional. */
public class DeliveryQuery {
  @QueryParam("status")
  public DeliveryStatus status;

  @QueryParam("eventType")
  public String eventType;

  @QueryParam("eventId")
  public String eventId;

  @QueryParam("destinationId")
  public String destinationId;

  @QueryParam("subscriptionId")
  public String subscriptionId;

  /** Only deliveries created at or after this instant. */
  @QueryParam("since")
  public Instant since;

  /** Only deliveries created before this instant. */
  @QueryParam("until")
  public Instant until;

  /** The {@code nextCursor} of the previous page. */
  @QueryParam("cursor")
  public String cursor;

  @QueryParam("limit")
  public Integer limit;
}
