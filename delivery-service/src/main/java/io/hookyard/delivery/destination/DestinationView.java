package io.hookyard.delivery.destination;

import java.time.Instant;

/** A destination as the management API shows it. */
public record DestinationView(
    String id, String tenant, String name, String url, Instant createdAt, Instant updatedAt) {

  static DestinationView of(Destination d) {
    return new DestinationView(d.id, d.tenant, d.name, d.url, d.createdAt, d.updatedAt);
  }
}
