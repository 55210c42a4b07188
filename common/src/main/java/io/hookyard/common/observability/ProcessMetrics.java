package io.hookyard.common.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process metrics the dashboard reads under their usual Prometheus names, which Micrometer does
 * not publish by itself: {@code process_resident_memory_bytes} (what the kernel counts against a
 * pod's memory limit, not just the heap) and {@code process_cpu_seconds_total}. It also turns on
 * the latency histogram of the HTTP server, so that {@code http_server_requests_seconds_bucket}
 * exists for the dashboard's percentiles.
 */
@Startup
@ApplicationScoped
public class ProcessMetrics {
  private static final Path STATUS = Path.of("/proc/self/status");

  public ProcessMetrics(MeterRegistry registry) {
    Gauge.builder("process.resident.memory.bytes", ProcessMetrics::residentBytes)
        .description("Resident set size of the process, in bytes")
        .register(registry);
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      FunctionCounter.builder(
              "process.cpu.seconds", os, bean -> bean.getProcessCpuTime() / 1_000_000_000.0)
          .description("CPU time the process used, in seconds")
          .register(registry);
    }
  }

  /** The process's resident set from {@code /proc}, or NaN where there is none (not Linux). */
  static double residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or /proc not mounted: no figure rather than a wrong one.
    }
    return Double.NaN;
  }

  /** Percentile histograms for the HTTP server's request timer. */
  @Produces
  @Singleton
  static MeterFilter httpServerHistogram() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          io.micrometer.core.instrument.Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().equals("http.server.requests")) {
          return DistributionStatisticConfig.builder()
              .percentilesHistogram(true)
              .build()
              .merge(config);
        }
        return config;
      }
    };
  }
}
