package io.hookyard.receiver.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class StoredEventRepository implements PanacheRepositoryBase<StoredEvent, String> {

  public Optional<StoredEvent> findByVendorDeliveryId(String sourceId, String vendorDeliveryId) {
    return find("sourceId = ?1 and vendorDeliveryId = ?2", sourceId, vendorDeliveryId)
        .firstResultOptional();
  }
}
