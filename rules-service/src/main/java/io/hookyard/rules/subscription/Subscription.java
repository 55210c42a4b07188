package io.hookyard.rules.subscription;

import io.hookyard.common.action.Action;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Which events of a tenant go to which destination. */
@Entity
@Table(name = "subscription")
public class Subscription {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String name;

  public String description;

  @Column(nullable = false)
  public boolean enabled;

  /** Event types, exact or with a trailing wildcard ({@code fleet.*}), or {@code *} for all. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "event_types", nullable = false)
  public List<String> eventTypes;

  /** The ids of the sources whose events it takes; empty for every source of the tenant. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<String> sources;

  /** An OData filter on the event (see docs/filters.md), or null for every event of the types. */
  public String filter;

  /** The first step's destination, kept beside the action for lists and searches. */
  @Column(name = "destination_id", nullable = false)
  public String destinationId;

  /** What it does with a match: steps, presets, an error route. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Action action;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public boolean takesSource(String sourceId) {
    return sources == null || sources.isEmpty() || sources.contains(sourceId);
  }
}
