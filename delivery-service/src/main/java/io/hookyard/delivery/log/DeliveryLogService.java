package io.hookyard.delivery.log;

import io.hookyard.common.problem.ProblemException;
import io.hookyard.delivery.delivery.AttemptRepository;
import io.hookyard.delivery.delivery.Delivery;
import io.hookyard.delivery.delivery.DeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the delivery log of a tenant: keyset-paged searches, details and summaries. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryLogService {
  private final DeliveryLogRepository log;
  private final DeliveryRepository deliveries;
  private final AttemptRepository attempts;
  private final Clock clock;

  public DeliveryLogService(
      DeliveryLogRepository log,
      DeliveryRepository deliveries,
      AttemptRepository attempts,
      Clock clock) {
    this.log = log;
    this.deliveries = deliveries;
    this.attempts = attempts;
    this.clock = clock;
  }

  public DeliveryPage search(String tenant, DeliveryQuery query) {
    DeliveryQuery.LogSearch search = query.toSearch();
    List<DeliveryView> found =
        log.page(tenant, search.filter(), search.after(), search.limit() + 1);
    if (found.size() <= search.limit()) {
      return new DeliveryPage(found, null);
    }
    List<DeliveryView> items = found.subList(0, search.limit());
    DeliveryView last = items.getLast();
    return new DeliveryPage(items, new LogCursor(last.createdAt(), last.id()).encode());
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

  /** Totals per period over the range; periods without deliveries are listed with zeros. */
  public DeliverySummary summarize(String tenant, SummaryQuery query) {
    SummaryQuery.SummaryRequest request = query.toRequest(clock);
    SummaryQuery.Period period = request.period();
    Map<Instant, DeliverySummary.Totals> counted = new HashMap<>();
    for (DeliveryLogRepository.PeriodCount count :
        log.countPerPeriod(tenant, request.filter(), period.sql)) {
      counted.merge(count.periodStart(), totalsOf(count), DeliverySummary.Totals::plus);
    }
    List<DeliverySummary.Bucket> buckets = new ArrayList<>();
    DeliverySummary.Totals overall = DeliverySummary.Totals.ZERO;
    Instant until = request.filter().until();
    for (Instant start = period.startOf(request.filter().since());
        start.isBefore(until);
        start = start.plus(period.length)) {
      DeliverySummary.Totals totals = counted.getOrDefault(start, DeliverySummary.Totals.ZERO);
      buckets.add(new DeliverySummary.Bucket(start, totals));
      overall = overall.plus(totals);
    }
    return new DeliverySummary(period, request.filter().since(), until, overall, buckets);
  }

  private static DeliverySummary.Totals totalsOf(DeliveryLogRepository.PeriodCount count) {
    long n = count.count();
    return switch (count.status()) {
      case SUCCEEDED -> new DeliverySummary.Totals(n, n, 0, 0, 0);
      case FAILING -> new DeliverySummary.Totals(n, 0, n, 0, 0);
      case PENDING -> new DeliverySummary.Totals(n, 0, 0, n, 0);
      case DEAD -> new DeliverySummary.Totals(n, 0, 0, 0, n);
    };
  }
}
