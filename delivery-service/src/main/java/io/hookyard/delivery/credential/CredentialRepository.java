package io.hookyard.delivery.credential;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CredentialRepository implements PanacheRepositoryBase<Credential, String> {

  public Optional<Credential> findInTenant(String tenant, String id) {
    return find("tenant = ?1 and id = ?2", tenant, id).firstResultOptional();
  }

  public Optional<Credential> findByName(String tenant, String name) {
    return find("tenant = ?1 and name = ?2", tenant, name).firstResultOptional();
  }

  public List<Credential> listInTenant(String tenant) {
    // Case-insensitive, whatever the database's collation (byte order: ADR 41).
    return list("tenant = ?1 order by lower(name), name", tenant);
  }

  public boolean nameTaken(String tenant, String name) {
    return count("tenant = ?1 and name = ?2", tenant, name) > 0;
  }

  /** Whether a destination still applies the credential. */
  public boolean inUse(String id) {
    return ((Number)
                getEntityManager()
                    .createNativeQuery(
                        "select count(*) from {h-schema}destination where credential_id = :id")
                    .setParameter("id", id)
                    .getSingleResult())
            .longValue()
        > 0;
  }
}
