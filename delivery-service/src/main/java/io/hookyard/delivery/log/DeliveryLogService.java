package io.hookyard.delivery.log;

import io.hookyard.common.problem.ProblemException;
import io.hookyard.delivery.delivery.AttemptRepository;
import io.hookyard.delivery.delivery.Delivery;
import io.hookyard.delivery.delivery.DeliveryRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Searches the delivery log of a tenant, newest first, with cursor paging. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryLogService {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final DeliveryRepository deliveries;
  private final AttemptRepository attempts;

  public DeliveryLogService(DeliveryRepository deliveries, AttemptRepository attempts) {
    this.deliveries = deliveries;
    this.attempts = attempts;
  }

  public DeliveryPage search(String tenant, DeliveryQuery query) {
    int limit = query.limit == null ? DEFAULT_LIMIT : query.limit;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.badRequest(
          "invalid-limit", "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    StringBuilder where = new StringBuilder("tenant = :tenant");
    Parameters parameters = Parameters.with("tenant", tenant);
    and(where, parameters, "status", query.status);
    and(where, parameters, "eventType", query.eventType);
    and(where, parameters, "eventId", query.eventId);
    and(where, parameters, "destinationId", query.destinationId);
    and(where, parameters, "subscriptionId", query.subscriptionId);
    if (query.since != null) {
      where.append(" and createdAt >= :since");
      parameters.and("since", query.since);
    }
    if (query.until != null) {
      where.append(" and createdAt < :until");
      parameters.and("until", query.until);
    }
    if (query.cursor != null) {
      // Ids sort by creation time, so "older than the cursor" is "id below it".
      where.append(" and id < :cursor");
      parameters.and("cursor", query.cursor);
    }
    List<Delivery> found =
        deliveries
            .find(where.toString(), Sort.descending("id"), parameters)
            .page(Page.ofSize(limit + 1))
            .list();
    boolean more = found.size() > limit;
    List<DeliveryView> items = found.stream().limit(limit).map(DeliveryView::summary).toList();
    return new DeliveryPage(items, more ? items.getLast().id() : null);
  }

  public DeliveryView get(String tenant, String id) {
    Delivery delivery =
        deliveries
            .find("tenant = ?1 and id = ?2", tenant, id)
            .firstResultOptional()
            .orElseThrow(
                () -> ProblemException.notFound("No delivery '" + id + "' in this tenant."));
    List<AttemptView> attemptViews =
        attempts.forDelivery(id).stream().map(AttemptView::of).toList();
    return DeliveryView.detail(delivery, attemptViews);
  }

  private static void and(StringBuilder where, Parameters parameters, String field, Object value) {
    if (value != null) {
      where.append(" and ").append(field).append(" = :").append(field);
      parameters.and(field, value);
    }
  }
}
