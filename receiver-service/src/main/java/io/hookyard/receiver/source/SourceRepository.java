package io.hookyard.receiver.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, String> {

  public Optional<Source> findByName(String tenant, String name) {
    return find("tenant = ?1 and name = ?2", tenant, name).firstResultOptional();
  }

  public Optional<Source> findInTenant(String tenant, String id) {
    return find("tenant = ?1 and id = ?2", tenant, id).firstResultOptional();
  }

  public List<Source> listByTenant(String tenant) {
    // Case-insensitive, whatever the database's collation (byte order: ADR 41).
    return list("tenant = ?1 order by lower(name), name", tenant);
  }
}
