package io.hookyard.delivery.operational;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.id.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a tenant about things Hookyard did on its own, such as pausing a failing destination, by
 * queueing an event for the tenant's operational destination (a delivery setting). Nothing is
 * queued when the tenant has none, or when it is the destination the event is about.
 */
@ApplicationScoped
public class OperationalEvents {
  public static final String DESTINATION_PAUSED = "hookyard.destination.paused";

  /** Operational deliveries belong to no subscription; they carry this in its place. */
  public static final String SUBSCRIPTION = "operational";

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Clock clock;

  public OperationalEvents(Clock clock) {
    this.clock = clock;
  }

  /** Queues {@code hookyard.destination.paused}, in the caller's transaction. */
  public void destinationPaused(
      Connection connection,
      String tenant,
      String destinationId,
      String reason,
      Instant failingSince)
      throws SQLException {
    String target = operationalDestination(connection, tenant);
    if (target == null || target.equals(destinationId)) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("destinationId", destinationId);
    data.put("reason", reason);
    if (failingSince != null) {
      data.put("failingSince", failingSince.toString());
    }
    Instant now = clock.instant();
    String eventId = Ids.newId(Ids.EVENT, clock);
    byte[] event =
        CloudEventJson.serialize(
            CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(URI.create("/delivery-service"))
                .withType(DESTINATION_PAUSED)
                .withSubject(destinationId)
                .withTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("tenant", tenant)
                .withData(json(data))
                .build());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into delivery.delivery (id, tenant, event_id, event_type, subscription_id,"
                + " destination_id, event, status, attempt_count, next_attempt_at, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")) {
      OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
      insert.setString(1, Ids.newId(Ids.DELIVERY, clock));
      insert.setString(2, tenant);
      insert.setString(3, eventId);
      insert.setString(4, DESTINATION_PAUSED);
      insert.setString(5, SUBSCRIPTION);
      insert.setString(6, target);
      insert.setBytes(7, event);
      insert.setObject(8, at);
      insert.setObject(9, at);
      insert.setObject(10, at);
      insert.executeUpdate();
    }
  }

  private static String operationalDestination(Connection connection, String tenant)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select operational_destination_id from delivery.tenant_settings where tenant = ?")) {
      query.setString(1, tenant);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static byte[] json(Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
