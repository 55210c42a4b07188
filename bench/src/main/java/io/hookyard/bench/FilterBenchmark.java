package io.hookyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.rules.filter.CompiledFilter;
import io.hookyard.rules.filter.FilterCompiler;
import io.hookyard.rules.filter.FilterContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluations per second of the seed filters (HPE Compute Ops Management's transitions and
 * functions, Fleet's lambda) on one thread, i.e. per core, against events shaped like the seeds'.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FilterBenchmark {
  static final Map<String, String> FILTERS =
      Map.of(
          "power-off",
          "type eq 'compute-ops/server' and old/hardware/powerState eq 'ON'"
              + " and changed/hardware/powerState eq True",
          "health-left-ok",
          "type eq 'compute-ops/server' and old/hardware/health/summary eq 'OK'"
              + " and changed/hardware/health/summary eq True",
          "alert-created",
          "type eq 'compute-ops/alert' and operation eq 'Created'",
          "contains-production",
          "contains(name, 'Production')",
          "group-not-compliant",
          "type eq 'compute-ops/group' and new/groupComplianceStatus ne 'Compliant'",
          "fleet-os-outdated",
          "failing_policies/any(p: p/name eq 'macOS - OS version up to date')");

  @Param({
    "power-off",
    "health-left-ok",
    "alert-created",
    "contains-production",
    "group-not-compliant",
    "fleet-os-outdated"
  })
  public String filter;

  private CompiledFilter compiled;
  private FilterContext context;

  @Setup
  public void compile() throws Exception {
    ObjectMapper json = new ObjectMapper();
    compiled = FilterCompiler.compile(FILTERS.get(filter));
    JsonNode oldServer = json.readTree(server("ON", "OK"));
    JsonNode newServer = json.readTree(server("OFF", "WARNING"));
    context =
        switch (filter) {
          case "fleet-os-outdated" ->
              FilterContext.of(
                  Map.of("type", "fleet.calendar"),
                  json.readTree(
                      "{\"host_id\":42,\"host_display_name\":\"mac-42\",\"failing_policies\":"
                          + "[{\"id\":1,\"name\":\"Disk encryption enabled\"},"
                          + "{\"id\":2,\"name\":\"macOS - OS version up to date\"}]}"));
          case "group-not-compliant" ->
              FilterContext.of(
                  Map.of("type", "compute-ops/group", "operation", "Updated"),
                  json.readTree(
                      "{\"name\":\"Production ESXi\",\"groupComplianceStatus\":\"Not_Compliant\"}"));
          default ->
              FilterContext.of(
                  Map.of("type", "compute-ops/server", "operation", "Updated"),
                  newServer,
                  oldServer);
        };
  }

  @Benchmark
  public boolean evaluate() {
    return compiled.matches(context);
  }

  /** A server resource in the shape of the Compute Ops Management seed. */
  public static String server(String power, String health) {
    return """
        {"id":"875765-S01+1M512500AB","type":"compute-ops-mgmt/server",
         "name":"Production ESXi 07","serialNumber":"1M512500AB",
         "hardware":{"powerState":"%s","health":{"summary":"%s","fans":"OK","memory":"OK"},
                     "model":"ProLiant DL360 Gen10 Plus"},
         "tags":{"Location":"Houston","Owner":"Ops"}}"""
        .formatted(power, health);
  }
}
