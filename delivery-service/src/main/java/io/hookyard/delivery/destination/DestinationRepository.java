package io.hookyard.delivery.destination;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DestinationRepository implements PanacheRepositoryBase<Destination, String> {

  public List<Destination> listByTenant(String tenant) {
    // Case-insensitive, whatever the database's collation (byte order: ADR 41).
    return list("tenant = ?1 order by lower(name), name", tenant);
  }

  public Optional<Destination> findInTenant(String tenant, String id) {
    return find("tenant = ?1 and id = ?2", tenant, id).firstResultOptional();
  }

  public boolean nameTaken(String tenant, String name) {
    return count("tenant = ?1 and name = ?2", tenant, name) > 0;
  }
}
