package io.hookyard.rules.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.rules.filter.FilterCompiler;
import io.hookyard.rules.filter.FilterContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching one event against 10,000 subscriptions of one tenant, as rules-service does it in
 * memory: the candidates from the index by event type and source, then each candidate's filter. 200
 * event types with 50 subscriptions each (their filters the seed kinds), plus prefix and catch-all
 * subscriptions. Sample time gives the latency distribution per event (p99 and all).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MatchingBenchmark {
  static final int TYPES = 200;
  static final int PER_TYPE = 50;

  private SubscriptionIndex.TenantIndex index;
  private FilterContext event;

  @Setup
  public void subscribe() throws Exception {
    List<Subscription> subscriptions = new ArrayList<>();
    String[] filters = {
      "old/hardware/powerState eq 'ON' and changed/hardware/powerState eq True",
      "old/hardware/health/summary eq 'OK' and changed/hardware/health/summary eq True",
      "contains(name, 'Production') and operation eq 'Updated'",
      "hardware/model eq 'ProLiant DL380 Gen11'",
      "tags/Location in ('Houston', 'Lyon')"
    };
    for (int type = 0; type < TYPES; type++) {
      for (int i = 0; i < PER_TYPE; i++) {
        subscriptions.add(
            subscription(
                "sub-" + type + "-" + i,
                List.of("compute-ops/kind" + type),
                filters[i % filters.length]));
      }
    }
    subscriptions.add(subscription("prefix", List.of("compute-ops/*"), filters[0]));
    subscriptions.add(subscription("all", List.of("*"), null));
    index = SubscriptionIndex.TenantIndex.of(subscriptions, Instant.now());
    subscriptions.forEach(
        s -> {
          if (s.filter != null) FilterCompiler.compile(s.filter);
        });
    ObjectMapper json = new ObjectMapper();
    JsonNode now = json.readTree(io.hookyard.bench.FilterBenchmark.server("OFF", "WARNING"));
    JsonNode before = json.readTree(io.hookyard.bench.FilterBenchmark.server("ON", "OK"));
    event =
        FilterContext.of(Map.of("type", "compute-ops/kind17", "operation", "Updated"), now, before);
  }

  @Benchmark
  public int match() {
    int matched = 0;
    for (Subscription candidate : index.candidates("compute-ops/kind17", "src_com")) {
      if (candidate.filter == null || FilterCompiler.compile(candidate.filter).matches(event)) {
        matched++;
      }
    }
    return matched;
  }

  private static Subscription subscription(String id, List<String> types, String filter) {
    Subscription subscription = new Subscription();
    subscription.id = id;
    subscription.eventTypes = types;
    subscription.sources = List.of();
    subscription.filter = filter;
    return subscription;
  }
}
