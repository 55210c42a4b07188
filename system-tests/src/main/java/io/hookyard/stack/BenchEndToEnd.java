package io.hookyard.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The end-to-end benchmark ({@code bench/e2e.sh}) and the soak ({@code bench/soak.sh}): the whole
 * stack, a generic source subscribed to a sink in this JVM, and vendors sending at a fixed rate
 * (open loop: a request goes out on schedule whether or not earlier ones were answered). Latency is
 * from "accepted" (the receiver's 2xx arrived here) to "delivered" (the request reached the sink),
 * so it covers both outboxes, matching, the queue and the send. Every second it samples the rates
 * and each service's resident memory. Writes {@code <out>.json} and {@code <out>.png}.
 *
 * <p>Arguments: out (path without extension), rate per second, measured seconds, warm-up seconds.
 */
public final class BenchEndToEnd {
  private static final String TENANT = "bench";
  private static final String TYPE = "bench.e2e";

  private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong redelivered = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(4))
          .build();

  private final Path out;
  private Instant measuredFrom;

  private BenchEndToEnd(Path out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    HookyardStack stack = BenchSupport.startStack("e2e-logs");
    Map<String, Object> result = new BenchEndToEnd(out).run(stack, rate, seconds, warmup);
    Files.writeString(out.resolveSibling(out.getFileName() + ".json"), BenchSupport.json(result));
    System.out.println(BenchSupport.json(result));
    stack.close();
    System.exit(0);
  }

  private Map<String, Object> run(HookyardStack stack, int rate, int seconds, int warmup)
      throws Exception {
    HttpServer sink = startSink();
    ManagementClient ops = stack.as("ops");
    JsonNode source =
        ops.createSource(TENANT, "e2e", Map.of("settings", Map.of("rateLimit", "100000")));
    String sinkUrl = "http://127.0.0.1:" + sink.getAddress().getPort() + "/sink";
    String destination = ops.createDestination(TENANT, "sink", sinkUrl).path("id").asText();
    ops.createSubscription(TENANT, "all", List.of(TYPE), destination);
    String hookUrl = source.path("url").asText();
    String token = source.path("secret").asText();

    Thread.sleep(10_000);
    Map<String, Double> rssAtRest = BenchSupport.rss(stack);
    System.out.println("RSS at rest (MiB): " + rssAtRest);

    System.out.printf("Warm-up: %d/s for %d s%n", rate, warmup);
    send(hookUrl, token, rate, warmup, null);
    awaitDrained(Duration.ofSeconds(60));
    acceptedAt.clear();
    deliveredAt.clear();
    long errorsBefore = errors.get();

    System.out.printf("Measuring: %d/s for %d s%n", rate, seconds);
    measuredFrom = Instant.now();
    List<double[]> samples = new ArrayList<>();
    long start = System.nanoTime();
    Thread sampler = Thread.ofPlatform().daemon().start(() -> sample(stack, start, samples));
    send(hookUrl, token, rate, seconds, start);
    boolean drained = awaitDrained(Duration.ofSeconds(60));
    sampler.interrupt();
    sampler.join();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("date", Instant.now().toString());
    result.put("rate", rate);
    result.put("seconds", seconds);
    result.put("warmupSeconds", warmup);
    result.put("accepted", acceptedAt.size());
    result.put("delivered", deliveredAt.size());
    result.put("missing", acceptedAt.size() - countDelivered());
    result.put("deliveredTwice", redelivered.get());
    result.put("errors", errors.get() - errorsBefore);
    result.put(
        "errorSamples", List.copyOf(errorSamples).subList(0, Math.min(5, errorSamples.size())));
    result.put("drained", drained);
    result.putAll(latencies());
    result.put("stagesMs", stages(stack.databaseUrl(), source.path("id").asText()));
    result.put("rssAtRestMiB", rssAtRest);
    result.put("rssAfterMiB", BenchSupport.rss(stack));
    result.putAll(rssGrowth(samples));
    chart(samples, "Hookyard end to end: accepted → delivered at " + rate + " events/s");
    sink.stop(0);
    return result;
  }

  private void send(String hookUrl, String token, int rate, int seconds, Long origin)
      throws InterruptedException {
    long total = (long) rate * seconds;
    long start = origin == null ? System.nanoTime() : origin;
    double period = 1e9 / rate;
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * period);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(hookUrl))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"type\":\""
                          + TYPE
                          + "\",\"n\":"
                          + i
                          + ",\"device\":\"mac-"
                          + (i % 500)
                          + "\",\"state\":\"locked\"}"))
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                long now = System.nanoTime();
                if (failure == null && response.statusCode() / 100 == 2) {
                  acceptedAt.put(idOf(response.body()), now);
                  accepted.incrementAndGet();
                } else {
                  errors.incrementAndGet();
                  if (errorSamples.size() < 5) {
                    errorSamples.add(
                        failure != null
                            ? failure.toString()
                            : response.statusCode() + " " + response.body());
                  }
                }
              });
    }
  }

  private HttpServer startSink() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.createContext("/", this::receive);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    return server;
  }

  private void receive(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    long now = System.nanoTime();
    String id = idOf(new String(body, StandardCharsets.UTF_8));
    if (deliveredAt.putIfAbsent(id, now) == null) {
      delivered.incrementAndGet();
    } else {
      redelivered.incrementAndGet();
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  /** The first {@code "id"} of a JSON document: the receiver's answer or the CloudEvent's. */
  private static String idOf(String json) {
    int at = json.indexOf("\"id\":\"");
    if (at < 0) {
      return "";
    }
    int from = at + 6;
    return json.substring(from, json.indexOf('"', from));
  }

  private long countDelivered() {
    return acceptedAt.keySet().stream().filter(deliveredAt::containsKey).count();
  }

  private boolean awaitDrained(Duration max) throws InterruptedException {
    Instant deadline = Instant.now().plus(max);
    Thread.sleep(500);
    while (Instant.now().isBefore(deadline)) {
      if (countDelivered() >= acceptedAt.size()) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** Every second: seconds, accepted/s, delivered/s, RSS of each service. */
  private void sample(HookyardStack stack, long start, List<double[]> samples) {
    long lastAccepted = accepted.get();
    long lastDelivered = delivered.get();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      long nowAccepted = accepted.get();
      long nowDelivered = delivered.get();
      Map<String, Double> rss = BenchSupport.rss(stack);
      double[] sample = new double[3 + rss.size()];
      sample[0] = (System.nanoTime() - start) / 1e9;
      sample[1] = nowAccepted - lastAccepted;
      sample[2] = nowDelivered - lastDelivered;
      int i = 3;
      for (double value : rss.values()) {
        sample[i++] = value;
      }
      synchronized (samples) {
        samples.add(sample);
      }
      lastAccepted = nowAccepted;
      lastDelivered = nowDelivered;
    }
  }

  private Map<String, Object> latencies() {
    List<Double> all = new ArrayList<>();
    acceptedAt.forEach(
        (id, at) -> {
          Long arrived = deliveredAt.get(id);
          if (arrived != null) {
            all.add(Math.max(0, arrived - at) / 1e6);
          }
        });
    double[] sorted = BenchSupport.sorted(all);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("latencyP50Ms", BenchSupport.percentile(sorted, 50));
    figures.put("latencyP90Ms", BenchSupport.percentile(sorted, 90));
    figures.put("latencyP99Ms", BenchSupport.percentile(sorted, 99));
    figures.put("latencyP999Ms", BenchSupport.percentile(sorted, 99.9));
    figures.put("latencyMaxMs", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    return figures;
  }

  /** Resident memory: the mean of the first minute after warm-up against that of the last. */
  /**
   * Where the time goes, from the timestamps each service stores: receiver commit → rules intake
   * (receiver outbox and relay), rules intake → delivery intake (matching, rules outbox and relay),
   * delivery intake → first attempt (the delivery queue), p50 and p99 of each over the measured
   * events.
   */
  private Map<String, Object> stages(String databaseUrl, String sourceId) {
    String sql =
        "with t as (select e.received_at as accepted, r.received_at as matched,"
            + " d.created_at as queued, (select min(a.started_at) from delivery.attempt a"
            + " where a.delivery_id = d.id) as sent"
            + " from receiver.event e join rules.received_event r on r.id = e.id"
            + " join delivery.delivery d on d.event_id = e.id"
            + " where e.source_id = ? and e.received_at >= ?),"
            + " ms as (select extract(epoch from matched - accepted) * 1000 as relay,"
            + " extract(epoch from queued - matched) * 1000 as match,"
            + " extract(epoch from sent - queued) * 1000 as queue from t)"
            + " select percentile_cont(0.5) within group (order by relay),"
            + " percentile_cont(0.99) within group (order by relay),"
            + " percentile_cont(0.5) within group (order by match),"
            + " percentile_cont(0.99) within group (order by match),"
            + " percentile_cont(0.5) within group (order by queue),"
            + " percentile_cont(0.99) within group (order by queue) from ms";
    Map<String, Object> stages = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, sourceId);
      query.setObject(2, OffsetDateTime.ofInstant(measuredFrom, ZoneOffset.UTC));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String[] names = {"receiverToRules", "rulesToDelivery", "deliveryQueue"};
        for (int i = 0; i < names.length; i++) {
          stages.put(names[i] + "P50", row.getDouble(2 * i + 1));
          stages.put(names[i] + "P99", row.getDouble(2 * i + 2));
        }
      }
    } catch (SQLException e) {
      stages.put("error", e.getMessage());
    }
    return stages;
  }

  private static Map<String, Object> rssGrowth(List<double[]> samples) {
    Map<String, Object> growth = new LinkedHashMap<>();
    if (samples.size() < 120) {
      return growth;
    }
    List<double[]> first = samples.subList(0, 60);
    List<double[]> last = samples.subList(samples.size() - 60, samples.size());
    int index = 3;
    for (HookyardService service : HookyardService.values()) {
      int column = index++;
      double before = first.stream().mapToDouble(s -> s[column]).average().orElse(Double.NaN);
      double after = last.stream().mapToDouble(s -> s[column]).average().orElse(Double.NaN);
      growth.put(service.module() + "RssGrowthPercent", (after - before) / before * 100.0);
    }
    return growth;
  }

  private void chart(List<double[]> samples, String title) throws IOException {
    Chart.Panel throughput = new Chart.Panel("Throughput", "events/s");
    Chart.Panel memory = new Chart.Panel("Resident memory", "MiB");
    synchronized (samples) {
      for (double[] sample : samples) {
        throughput.add("accepted", sample[0], sample[1]).add("delivered", sample[0], sample[2]);
        int index = 3;
        for (HookyardService service : HookyardService.values()) {
          memory.add(service.module(), sample[0], sample[index++]);
        }
      }
    }
    Chart.Panel latency =
        new Chart.Panel("Latency accepted → delivered, by second of acceptance", "ms");
    Map<Long, List<Double>> bySecond = new java.util.TreeMap<>();
    long origin = acceptedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
    acceptedAt.forEach(
        (id, at) -> {
          Long arrived = deliveredAt.get(id);
          if (arrived != null) {
            bySecond
                .computeIfAbsent((at - origin) / 1_000_000_000L, s -> new ArrayList<>())
                .add(Math.max(0, arrived - at) / 1e6);
          }
        });
    bySecond.forEach(
        (second, values) -> {
          double[] sorted = BenchSupport.sorted(values);
          latency
              .add("p50", second, BenchSupport.percentile(sorted, 50))
              .add("p99", second, BenchSupport.percentile(sorted, 99));
        });
    Chart.write(
        out.resolveSibling(out.getFileName() + ".png"),
        title,
        List.of(throughput, latency, memory));
  }
}
