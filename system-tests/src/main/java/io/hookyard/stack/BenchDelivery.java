package io.hookyard.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The delivery benchmark ({@code bench/delivery.sh}): starts the stack, stops receiver-service and
 * rules-service, creates a destination pointing at a {@link FastSink} in this JVM, and then
 *
 * <ol>
 *   <li>drain: queues {@code backlog} deliveries while the destination is paused, resumes it and
 *       times how fast delivery-service empties the queue;
 *   <li>steady: submits deliveries at a fixed rate for a while and measures, from the attempt log,
 *       the time from "due" to "sent" (attempt start).
 * </ol>
 *
 * Writes a JSON result to the file named by the first argument.
 */
public final class BenchDelivery {
  private static final int WARM_UP_SECONDS = 90;

  private BenchDelivery() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int backlog = Integer.parseInt(args.length > 1 ? args[1] : "50000");
    int rate = Integer.parseInt(args.length > 2 ? args[2] : "2000");
    int seconds = Integer.parseInt(args.length > 3 ? args[3] : "20");
    Path root = BenchSupport.root();
    HookyardStack stack = BenchSupport.startStack("logs");
    stack.kill(HookyardService.RECEIVER);
    stack.kill(HookyardService.RULES);
    try (FastSink sink = FastSink.start()) {
      ManagementClient ops = stack.as("ops");
      JsonNode destination = ops.createDestination("bench", "sink", sink.url());
      String id = destination.path("id").asText();
      String delivery = stack.url(HookyardService.DELIVERY);
      // The script profiles delivery-service from here on, if asked to.
      Files.writeString(root.resolve("bench/target/delivery.ready"), delivery + "\n");

      // 0. Warm up: on two cores the JIT (C2) compiles delivery-service's hot path on up to half a
      // core for the first minute of load, CPU the measurement would otherwise have.
      Instant warm = Instant.now().plusSeconds(WARM_UP_SECONDS);
      while (Instant.now().isBefore(warm)) {
        drain(stack, ops, sink, delivery, id, Math.max(backlog / 2, 1000));
      }

      // 1. Drain a backlog.
      Instant measured = Instant.now();
      Drain drain = drain(stack, ops, sink, delivery, id, backlog);

      // 2. A steady rate, measured from the attempt log.
      Instant steadyStart = Instant.now();
      long before = sink.received();
      submit(delivery, stack.serviceToken(HookyardService.RULES), id, rate * seconds, rate);
      while (sink.received() - before < (long) rate * seconds) {
        Thread.sleep(20);
      }
      awaitQueueEmpty(stack);
      double[] lag = lagPercentiles(stack, steadyStart);
      String result =
          String.format(
              Locale.ROOT,
              "{\"backlog\":%d,\"drainSeconds\":%.2f,\"drainPerSecond\":%.0f,"
                  + "\"drainStealPercent\":%.0f,\"drainServiceCpuMicrosEach\":%.0f,"
                  + "\"drainDatabaseCpuMicrosEach\":%.0f,\"steadyRate\":%d,\"steadySeconds\":%d,\"dueToSentP50Ms\":%.1f,"
                  + "\"dueToSentP99Ms\":%.1f,\"dueToSentMaxMs\":%.1f}%n",
              backlog,
              drain.seconds(),
              backlog / drain.seconds(),
              drain.stealPercent(),
              Drain.microsEach(drain.serviceCpu(), backlog),
              Drain.microsEach(drain.databaseCpu(), backlog),
              rate,
              seconds,
              lag[0],
              lag[1],
              lag[2]);
      Files.writeString(out, result);
      chart(
          stack,
          measured,
          out.resolveSibling(out.getFileName().toString().replace(".json", ".png")));
      System.out.print(result);
    }
    stack.close();
    System.exit(0);
  }

  /**
   * A drain: how long it took from the resume until the sink had everything, the share of the
   * machine the hypervisor took meanwhile, and the CPU delivery-service and PostgreSQL used for it
   * (which moves far less with that share than the time does).
   */
  private record Drain(
      double seconds, double stealPercent, Duration serviceCpu, Duration databaseCpu) {

    static double microsEach(Duration cpu, int deliveries) {
      return cpu.toNanos() / 1000.0 / deliveries;
    }
  }

  /** Queues a backlog while the destination is paused, resumes it, and times until it is sent. */
  private static Drain drain(
      HookyardStack stack,
      ManagementClient ops,
      FastSink sink,
      String delivery,
      String id,
      int backlog)
      throws Exception {
    call(ops, "/api/v1/tenants/bench/destinations/" + id + "/pause", "{}");
    submit(delivery, stack.serviceToken(HookyardService.RULES), id, backlog, 0);
    long servicePid = stack.pid(HookyardService.DELIVERY);
    long databasePid =
        CpuTimes.postgresPid(URI.create(stack.databaseUrl().substring("jdbc:".length())).getPort());
    Duration serviceBefore = CpuTimes.processTree(servicePid);
    Duration databaseBefore = CpuTimes.processTree(databasePid);
    CpuTimes machineBefore = CpuTimes.read();
    long before = sink.received();
    Instant resumed = Instant.now();
    call(ops, "/api/v1/tenants/bench/destinations/" + id + "/resume", null);
    while (sink.received() - before < backlog) {
      Thread.sleep(20);
    }
    double seconds = Duration.between(resumed, Instant.now()).toMillis() / 1000.0;
    Drain drain =
        new Drain(
            seconds,
            CpuTimes.read().stealPercentSince(machineBefore),
            CpuTimes.processTree(servicePid).minus(serviceBefore),
            CpuTimes.processTree(databasePid).minus(databaseBefore));
    awaitQueueEmpty(stack);
    return drain;
  }

  /**
   * Posts {@code count} deliveries in batches of 100, at {@code perSecond} (0: as fast as it can).
   */
  private static void submit(
      String deliveryUrl, String token, String destination, int count, int perSecond)
      throws InterruptedException {
    int batch = 100;
    long start = System.nanoTime();
    for (int sent = 0; sent < count; sent += batch) {
      if (perSecond > 0) {
        long due = start + (long) (sent * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      StringBuilder body = new StringBuilder("[");
      for (int i = 0; i < batch; i++) {
        body.append(i == 0 ? "" : ",")
            .append(
                """
                {"id":"dlv_%s","tenant":"bench","subscriptionId":"sub_bench","destinationId":"%s",
                 "event":{"specversion":"1.0","id":"evt_%s","source":"/hooks/bench/sink",
                          "type":"bench.delivery","datacontenttype":"application/json",
                          "tenant":"bench","data":{"device":"mac-%d","state":"locked"}}}"""
                    .formatted(id26(), destination, id26(), i));
      }
      body.append("]");
      HttpResponse<String> response =
          ManagementClient.send(
              HttpRequest.newBuilder(URI.create(deliveryUrl + "/internal/v1/deliveries"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build());
      if (response.statusCode() != 204) {
        throw new IllegalStateException("intake answered " + response.statusCode());
      }
    }
  }

  private static void call(ManagementClient client, String path, String json) {
    HttpResponse<String> response = client.call(HookyardService.DELIVERY, "POST", path, json);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static void awaitQueueEmpty(HookyardStack stack) throws Exception {
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        Statement statement = connection.createStatement()) {
      for (int i = 0; i < 600; i++) {
        try (ResultSet rows =
            statement.executeQuery(
                "select count(*) from delivery.delivery where status in ('PENDING', 'FAILING')")) {
          rows.next();
          if (rows.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(100);
      }
    }
  }

  private static double[] lagPercentiles(HookyardStack stack, Instant since) throws Exception {
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select percentile_cont(0.5) within group (order by lag),"
                    + " percentile_cont(0.99) within group (order by lag), max(lag) from ("
                    + " select extract(epoch from (started_at - due_at)) * 1000 as lag"
                    + " from delivery.attempt where due_at >= '"
                    + since
                    + "') l")) {
      rows.next();
      return new double[] {rows.getDouble(1), rows.getDouble(2), rows.getDouble(3)};
    }
  }

  /**
   * Deliveries sent per second, and their time from due to sent, over the measured drain and the
   * steady phase, from the attempt log.
   */
  private static void chart(HookyardStack stack, Instant since, Path png) throws Exception {
    Chart.Panel sent = new Chart.Panel("Deliveries sent per second", "deliveries/s");
    Chart.Panel lag =
        new Chart.Panel("Due → sent (a drained backlog waited since it was queued)", "ms");
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        PreparedStatement query =
            connection.prepareStatement(
                "select floor(extract(epoch from started_at - ?))::bigint as second, count(*),"
                    + " percentile_cont(0.5) within group (order by lag),"
                    + " percentile_cont(0.99) within group (order by lag) from ("
                    + " select started_at, extract(epoch from (started_at - due_at)) * 1000 as lag"
                    + " from delivery.attempt where started_at >= ?) l group by 1 order by 1")) {
      OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
      query.setObject(1, from);
      query.setObject(2, from);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long second = rows.getLong(1);
          sent.add("sent", second, rows.getLong(2));
          lag.add("p50", second, rows.getDouble(3));
          lag.add("p99", second, rows.getDouble(4));
        }
      }
    }
    Chart.write(
        png, "Hookyard delivery (one delivery-service, fast local sink)", List.of(sent, lag));
  }

  private static String id26() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase(Locale.ROOT);
  }
}
