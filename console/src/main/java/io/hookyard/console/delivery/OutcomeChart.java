package io.hookyard.console.delivery;

import io.hookyard.console.api.Model.Bucket;
import io.hookyard.console.api.Model.Summary;
import io.hookyard.console.api.Model.Totals;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcomes of deliveries over time as stacked bars, laid out for an inline SVG: one bar per
 * period of the summary, one segment per status, scaled to the busiest period. Drawn on the server,
 * so the page needs no charting script.
 */
public record OutcomeChart(
    int width, int height, long maximum, List<Bar> bars, String firstLabel, String lastLabel) {

  static final int WIDTH = 720;
  static final int HEIGHT = 140;
  private static final double GAP = 2;
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** One period: where its bar stands and its segments from the bottom up. */
  public record Bar(double x, double width, String title, List<Segment> segments) {}

  /** One status within a bar. */
  public record Segment(String status, double y, double height) {}

  public static OutcomeChart of(Summary summary) {
    List<Bucket> buckets = summary.buckets() == null ? List.of() : summary.buckets();
    long maximum = buckets.stream().mapToLong(b -> b.totals().all()).max().orElse(0);
    DateTimeFormatter format = "HOUR".equalsIgnoreCase(summary.period()) ? HOUR : DAY;
    double slot = buckets.isEmpty() ? WIDTH : (double) WIDTH / buckets.size();
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      Bucket bucket = buckets.get(i);
      bars.add(bar(bucket, i * slot, slot, maximum, format));
    }
    return new OutcomeChart(
        WIDTH,
        HEIGHT,
        maximum,
        bars,
        buckets.isEmpty() ? "" : label(buckets.getFirst().start(), format),
        buckets.isEmpty() ? "" : label(buckets.getLast().start(), format));
  }

  private static Bar bar(
      Bucket bucket, double x, double slot, long maximum, DateTimeFormatter format) {
    Totals t = bucket.totals();
    List<Segment> segments = new ArrayList<>();
    double bottom = HEIGHT;
    long[] counts = {t.succeeded(), t.failed(), t.pending(), t.dead()};
    String[] statuses = {"succeeded", "failing", "pending", "dead"};
    for (int s = 0; s < counts.length; s++) {
      if (counts[s] == 0 || maximum == 0) {
        continue;
      }
      double height = (double) counts[s] / maximum * HEIGHT;
      bottom -= height;
      segments.add(new Segment(statuses[s], round(bottom), round(height)));
    }
    String title =
        label(bucket.start(), format)
            + " UTC: "
            + t.all()
            + " deliveries, "
            + t.succeeded()
            + " succeeded, "
            + t.failed()
            + " failed, "
            + t.pending()
            + " pending, "
            + t.dead()
            + " dead";
    return new Bar(round(x + GAP / 2), round(Math.max(1, slot - GAP)), title, segments);
  }

  private static String label(Instant start, DateTimeFormatter format) {
    return format.format(start);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
