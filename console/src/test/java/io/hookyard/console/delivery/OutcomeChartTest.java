package io.hookyard.console.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.console.api.Model.Bucket;
import io.hookyard.console.api.Model.Summary;
import io.hookyard.console.api.Model.Totals;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeChartTest {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void theBusiestPeriodFillsTheHeightAndSegmentsStackFromTheBottom() {
    Summary summary =
        new Summary(
            "HOUR",
            T0,
            T0.plusSeconds(7200),
            new Totals(15, 9, 1, 0, 5),
            List.of(
                new Bucket(T0, new Totals(10, 6, 0, 0, 4)),
                new Bucket(T0.plusSeconds(3600), new Totals(5, 3, 1, 0, 1))));

    OutcomeChart chart = OutcomeChart.of(summary);

    assertEquals(10, chart.maximum());
    assertEquals(2, chart.bars().size());
    OutcomeChart.Bar busiest = chart.bars().getFirst();
    assertEquals(
        List.of("succeeded", "dead"), busiest.segments().stream().map(s -> s.status()).toList());
    double stacked = busiest.segments().stream().mapToDouble(OutcomeChart.Segment::height).sum();
    assertEquals(OutcomeChart.HEIGHT, stacked, 0.2);
    assertEquals(0.0, busiest.segments().getLast().y(), 0.2);
    OutcomeChart.Bar quieter = chart.bars().get(1);
    double half = quieter.segments().stream().mapToDouble(OutcomeChart.Segment::height).sum();
    assertEquals(OutcomeChart.HEIGHT / 2.0, half, 0.2);
    assertTrue(quieter.x() > busiest.x());
    assertTrue(quieter.title().contains("1 failed"), quieter.title());
    assertEquals("Nov 22 10:00", chart.firstLabel());
  }

  @Test
  void aQuietRangeDrawsNoSegments() {
    Summary summary =
        new Summary(
            "DAY",
            T0,
            T0,
            new Totals(0, 0, 0, 0, 0),
            List.of(new Bucket(T0, new Totals(0, 0, 0, 0, 0))));

    OutcomeChart chart = OutcomeChart.of(summary);

    assertEquals(0, chart.maximum());
    assertTrue(chart.bars().getFirst().segments().isEmpty());
    assertEquals("Nov 22", chart.lastLabel());
  }
}
