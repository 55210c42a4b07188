package io.hookyard.delivery.log;

import java.time.Instant;
import java.util.List;

/**
 * How many deliveries a tenant has, per period and over the whole range. Every figure counts
 * deliveries (not attempts) created in the period, by the status they have now: see
 * docs/delivery-log.md for what each total means.
 */
public record DeliverySummary(
    SummaryQuery.Period period, Instant since, Instant until, Totals totals, List<Bucket> buckets) {

  /**
   * Deliveries by their status now. {@code all} is the sum of the other four: {@code succeeded} (a
   * destination accepted it), {@code failed} (its latest attempt failed and another is scheduled),
   * {@code pending} (waiting for the first attempt of a round) and {@code dead}.
   */
  public record Totals(long all, long succeeded, long failed, long pending, long dead) {
    static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    Totals plus(Totals other) {
      return new Totals(
          all + other.all,
          succeeded + other.succeeded,
          failed + other.failed,
          pending + other.pending,
          dead + other.dead);
    }
  }

  /** One UTC hour or day: deliveries created from {@code start} until the next period. */
  public record Bucket(Instant start, Totals totals) {}
}
