package io.hookyard.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chart of a durable-ingest run ({@code bench/ingest.sh}), drawn while wrk measures: wrk
 * reports only a summary, so the accepted events per second are counted afterwards from the event
 * table (each event's receive time), and the latency over time comes from a probe that sends the
 * same signed request every 50 ms beside wrk's 64 connections and so waits in the same queues. It
 * starts 20 s before the measurement and keeps only what it measured during it.
 *
 * <p>Arguments: the PNG to write, the hook URL, the body file, its signature, the JDBC URL, the
 * seconds to wait before measuring (the warm-up) and the seconds to measure.
 */
public final class BenchIngestChart {
  private static final long PROBE_EVERY_MILLIS = 50;
  private static final Duration PROBE_WARMUP = Duration.ofSeconds(20);

  private BenchIngestChart() {}

  public static void main(String[] args) throws Exception {
    Path png = Path.of(args[0]);
    String url = args[1];
    // As the script signs it: without the file's trailing line ends.
    String body = Files.readString(Path.of(args[2])).replaceAll("\\n+$", "");
    String signature = args[3];
    String databaseUrl = args[4];
    Instant start = Instant.now().plusSeconds(Integer.parseInt(args[5]));
    int seconds = Integer.parseInt(args[6]);
    // The probe starts before the measurement, so that its JVM's first compilations are spent
    // during
    // the warm-up, not taken from the run it measures.
    Instant probeFrom = start.minus(PROBE_WARMUP);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), probeFrom).toMillis()));
    Map<Long, List<Double>> latencies = probe(url, body, signature, start, seconds);
    Chart.Panel throughput = new Chart.Panel("Accepted events per second", "events/s");
    acceptedPerSecond(databaseUrl, start, seconds)
        .forEach((second, count) -> throughput.add("accepted", second, count));
    Chart.Panel latency = new Chart.Panel("Probe latency, accepted → answered", "ms");
    latencies.forEach(
        (second, values) -> {
          double[] sorted = BenchSupport.sorted(values);
          latency.add("p50", second, BenchSupport.percentile(sorted, 50));
          latency.add("p99", second, BenchSupport.percentile(sorted, 99));
        });
    Chart.write(png, "Hookyard durable ingest (wrk, 64 connections)", List.of(throughput, latency));
    System.exit(0);
  }

  /** Latencies of the probe's accepted requests, by second since {@code start}. */
  private static Map<Long, List<Double>> probe(
      String url, String body, String signature, Instant start, int seconds) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<Long, List<Double>> latencies = new TreeMap<>();
    Instant end = start.plusSeconds(seconds);
    for (long n = 0; Instant.now().isBefore(end); n++) {
      long sent = System.nanoTime();
      Instant sentAt = Instant.now();
      boolean measuring = !sentAt.isBefore(start);
      long second = Duration.between(start, sentAt).toSeconds();
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header("X-GitHub-Event", "push")
                  .header("X-Hub-Signature-256", signature)
                  .header("X-GitHub-Delivery", "probe-" + start.toEpochMilli() + "-" + n)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (measuring && response.statusCode() / 100 == 2) {
        latencies
            .computeIfAbsent(second, key -> new ArrayList<>())
            .add((System.nanoTime() - sent) / 1e6);
      }
      long left = PROBE_EVERY_MILLIS - (System.nanoTime() - sent) / 1_000_000;
      if (left > 0) {
        Thread.sleep(left);
      }
    }
    return latencies;
  }

  /** Events the receiver accepted in each second of the run, from their receive times. */
  private static Map<Long, Long> acceptedPerSecond(String databaseUrl, Instant start, int seconds)
      throws Exception {
    Map<Long, Long> counts = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(databaseUrl);
        PreparedStatement query =
            connection.prepareStatement(
                "select floor(extract(epoch from received_at - ?))::bigint, count(*)"
                    + " from receiver.event where received_at >= ? and received_at < ?"
                    + " group by 1 order by 1")) {
      OffsetDateTime from = start.atOffset(ZoneOffset.UTC);
      query.setObject(1, from);
      query.setObject(2, from);
      query.setObject(3, from.plusSeconds(seconds));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getLong(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }
}
