package io.hookyard.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The growth benchmark ({@code bench/growth.sh}): does Hookyard slow down as its tables fill?
 *
 * <ol>
 *   <li>Ingest: the receiver alone (rules- and delivery-service stopped, as in {@code ingest.sh})
 *       under a closed loop of concurrent requests, first with an empty event table, then after
 *       {@code events} stored events were added with {@code generate_series}.
 *   <li>Delivery log: {@code attempts} attempts (four per delivery) generated for one tenant over
 *       the last 29 days, then the searches admins run, each timed through the REST API.
 * </ol>
 *
 * Writes {@code <out>.json} and {@code <out>.png}. Arguments: out, events, attempts, ingest
 * seconds.
 */
public final class BenchGrowth {
  private static final String TENANT = "bench";
  private static final int CONCURRENCY = 64;
  private static final int QUERY_RUNS = 30;

  private BenchGrowth() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long events = Long.parseLong(args[1]);
    long attempts = Long.parseLong(args[2]);
    int seconds = Integer.parseInt(args[3]);
    HookyardStack stack = BenchSupport.startStack("growth-logs");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("date", Instant.now().toString());
    ManagementClient ops = stack.as("ops");
    JsonNode source =
        ops.createSource(TENANT, "growth", Map.of("settings", Map.of("rateLimit", "100000")));
    String destination =
        ops.createDestination(TENANT, "sink", "http://127.0.0.1:9/").path("id").asText();
    stack.kill(HookyardService.RULES);
    stack.kill(HookyardService.DELIVERY);

    Chart.Panel ingest = new Chart.Panel("Ingest, receiver alone", "events/s");
    // Both JVMs are cold here: warm up long enough that the first figure is not the JIT's.
    ingest(source, 30, null, null);
    Map<String, Object> empty = ingest(source, seconds, ingest, "empty table");
    result.put("ingestEmpty", empty);
    Instant began = Instant.now();
    long stored = generateEvents(stack, source.path("id").asText(), events);
    result.put("eventsGeneratedSeconds", Duration.between(began, Instant.now()).toSeconds());
    result.put("storedEvents", stored);
    ingest(source, 5, null, null);
    Map<String, Object> full = ingest(source, seconds, ingest, stored + " stored events");
    result.put("ingestFull", full);
    System.out.println(BenchSupport.json(result));

    began = Instant.now();
    long generated = generateDeliveries(stack, destination, attempts);
    result.put("attemptsGeneratedSeconds", Duration.between(began, Instant.now()).toSeconds());
    result.put("storedAttempts", generated);
    stack.restart(HookyardService.DELIVERY);
    Map<String, Object> queries = queryLatencies(stack, destination);
    result.put("deliveryLogQueries", queries);

    String json = BenchSupport.json(result);
    Files.writeString(out.resolveSibling(out.getFileName() + ".json"), json);
    Chart.write(
        out.resolveSibling(out.getFileName() + ".png"),
        "Hookyard growth: ingest with an empty and a full event table",
        List.of(ingest));
    System.out.println(json);
    stack.close();
    System.exit(0);
  }

  /**
   * A closed loop of {@link #CONCURRENCY} requests for {@code seconds}; events/s and latency, and
   * per second into {@code perSecond} when given.
   */
  private static Map<String, Object> ingest(
      JsonNode source, int seconds, Chart.Panel panel, String series) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2))
            .build();
    String url = source.path("url").asText();
    String token = source.path("secret").asText();
    Semaphore slots = new Semaphore(CONCURRENCY);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long end = start + (long) seconds * 1_000_000_000L;
    long nextSecond = start + 1_000_000_000L;
    long lastOk = 0;
    long n = 0;
    while (System.nanoTime() < end) {
      slots.acquire();
      long sent = System.nanoTime();
      if (panel != null && sent >= nextSecond) {
        panel.add(series, (nextSecond - start) / 1e9, ok.get() - lastOk);
        lastOk = ok.get();
        nextSecond += 1_000_000_000L;
      }
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"type\":\"bench.growth\",\"n\":" + n++ + ",\"state\":\"locked\"}"))
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) -> {
                if (failure == null && response.statusCode() / 100 == 2) {
                  ok.incrementAndGet();
                  latencies.add((System.nanoTime() - sent) / 1e6);
                } else {
                  failed.incrementAndGet();
                }
                slots.release();
              });
    }
    slots.acquire(CONCURRENCY);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double[] sorted;
    synchronized (latencies) {
      sorted = BenchSupport.sorted(latencies);
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("eventsPerSecond", ok.get() / elapsed);
    figures.put("failed", failed.get());
    figures.put("p50Ms", BenchSupport.percentile(sorted, 50));
    figures.put("p99Ms", BenchSupport.percentile(sorted, 99));
    System.out.println("Ingest: " + BenchSupport.json(figures));
    return figures;
  }

  /** Adds {@code count} events (with their request log entries) in one statement each. */
  private static long generateEvents(HookyardStack stack, String sourceId, long count)
      throws Exception {
    System.out.printf("Generating %d events...%n", count);
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("set synchronous_commit = off");
      statement.execute(
          "insert into receiver.event (id, tenant, source_id, ce_source, vendor, type, subject,"
              + " operation, vendor_delivery_id, content_type, headers, body, received_at)"
              + " select 'evt_G' || lpad(g::text, 25, '0'), '"
              + TENANT
              + "', '"
              + sourceId
              + "', '/hooks/bench/growth', 'generic', 'bench.growth', 'mac-' || (g % 5000),"
              + " null, 'gen-' || g, 'application/json',"
              + " '{\"content-type\":[\"application/json\"]}'::jsonb,"
              + " convert_to('{\"type\":\"bench.growth\",\"n\":' || g || ',\"state\":\"locked\"}',"
              + " 'UTF8'), now() - (g || ' milliseconds')::interval"
              + " from generate_series(1, "
              + count
              + ") g");
      statement.execute("vacuum analyze receiver.event");
      return count(statement, "select count(*) from receiver.event");
    }
  }

  /**
   * Adds deliveries with four attempts each, {@code attempts} attempts in all, spread over the last
   * 29 days: most succeeded, some dead, over 20 event types and 5 destinations.
   */
  private static long generateDeliveries(HookyardStack stack, String destination, long attempts)
      throws Exception {
    long deliveries = attempts / 4;
    System.out.printf("Generating %d deliveries with %d attempts...%n", deliveries, attempts);
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("set synchronous_commit = off");
      String created = "now() - interval '29 days' + (g * interval '29 days' / " + deliveries + ")";
      statement.execute(
          "insert into delivery.delivery (id, tenant, event_id, event_type, subscription_id,"
              + " destination_id, event, status, attempt_count, next_attempt_at,"
              + " last_response_status, last_error, created_at, updated_at, completed_at,"
              + " dead_reason)"
              + " select 'dlv_G' || lpad(g::text, 25, '0'), '"
              + TENANT
              + "', 'evt_D' || lpad(g::text, 25, '0'), 'bench.type' || (g % 20),"
              + " 'sub_G' || (g % 5), case when g % 5 = 0 then '"
              + destination
              + "' else 'dst_G' || (g % 5) end,"
              + " convert_to('{\"specversion\":\"1.0\",\"id\":\"evt_D' || g || '\"}', 'UTF8'),"
              + " case when g % 50 = 0 then 'DEAD' else 'SUCCEEDED' end, 4, "
              + created
              + ", case when g % 50 = 0 then 503 else 200 end, null, "
              + created
              + ", "
              + created
              + ", "
              + created
              + ", case when g % 50 = 0 then 'SCHEDULE_EXHAUSTED' end"
              + " from generate_series(1, "
              + deliveries
              + ") g");
      statement.execute(
          "insert into delivery.attempt (id, delivery_id, tenant, attempt_number, started_at,"
              + " duration_ms, request_method, request_url, request_headers, request_body,"
              + " response_status, response_headers, response_body, outcome, due_at)"
              + " select 'att_G' || lpad(g::text, 25, '0') || n, 'dlv_G' || lpad(g::text, 25, '0'),"
              + " '"
              + TENANT
              + "', n, "
              + created
              + ", 12, 'POST', 'https://example.com/hook',"
              + " '{\"content-type\":[\"application/cloudevents+json\"]}'::jsonb,"
              + " convert_to('{\"n\":' || g || '}', 'UTF8'),"
              + " case when n < 4 then 503 else 200 end, '{}'::jsonb, ''::bytea,"
              + " case when n < 4 then 'FAILED' else 'SUCCEEDED' end, "
              + created
              + " from generate_series(1, "
              + deliveries
              + ") g, generate_series(1, 4) n");
      statement.execute("vacuum analyze delivery.delivery");
      statement.execute("vacuum analyze delivery.attempt");
      return count(statement, "select count(*) from delivery.attempt");
    }
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Each search of the delivery log, timed {@link #QUERY_RUNS} times after two warm-up runs. Each
   * search signs in afresh, since generating the data outlasts a token; an answer other than 200
   * ends the benchmark rather than timing an error.
   */
  private static Map<String, Object> queryLatencies(HookyardStack stack, String destination) {
    String base = stack.url(HookyardService.DELIVERY) + "/api/v1/tenants/" + TENANT + "/deliveries";
    Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS);
    Map<String, String> searches = new LinkedHashMap<>();
    searches.put("newest", "");
    searches.put("status=dead", "?status=dead");
    searches.put("destinationId", "?destinationId=" + destination);
    searches.put("eventType", "?eventType=bench.type7");
    searches.put("responseCode=5xx", "?responseCode=5xx");
    searches.put(
        "one hour ten days ago",
        "?since="
            + URLEncoder.encode(tenDaysAgo.toString(), StandardCharsets.UTF_8)
            + "&until="
            + URLEncoder.encode(
                tenDaysAgo.plus(1, ChronoUnit.HOURS).toString(), StandardCharsets.UTF_8));
    searches.put("eventType+status=dead", "?eventType=bench.type0&status=dead");
    searches.put("deliveryId", "?deliveryId=dlv_G" + "0".repeat(19) + "123456");
    searches.put("detail", "/dlv_G" + "0".repeat(19) + "123456");
    searches.put("summary by day, 30 days", "/summary?period=day");
    searches.put("summary by hour, 1 day", "/summary?period=hour");
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Object> figures = new LinkedHashMap<>();
    searches.forEach(
        (name, query) -> {
          String url = base + query;
          String token = stack.as("ops").token();
          List<Double> times = new ArrayList<>();
          int status = 0;
          for (int run = 0; run < QUERY_RUNS + 2; run++) {
            long start = System.nanoTime();
            HttpResponse<String> response = BenchSupport.get(http, url, token);
            status = response.statusCode();
            if (status != 200) {
              throw new IllegalStateException(
                  name + " answered " + status + ": " + response.body());
            }
            if (run >= 2) {
              times.add((System.nanoTime() - start) / 1e6);
            }
          }
          double[] sorted = BenchSupport.sorted(times);
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("status", status);
          one.put("p50Ms", BenchSupport.percentile(sorted, 50));
          one.put("p99Ms", BenchSupport.percentile(sorted, 99));
          figures.put(name, one);
          System.out.println(name + ": " + BenchSupport.json(one));
        });
    return figures;
  }
}
