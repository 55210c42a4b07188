package io.hookyard.delivery.delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<Attempt, String> {

  public List<Attempt> forDelivery(String deliveryId) {
    return list("deliveryId = ?1 order by attemptNumber", deliveryId);
  }
}
