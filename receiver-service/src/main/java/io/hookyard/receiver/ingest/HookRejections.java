package io.hookyard.receiver.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * {@code hookyard_hook_rejections_total{check}}: hook requests refused, by the check that refused
 * them. The checks are a short fixed list, named by the answer's status, so the label never grows
 * with what senders make up: {@code source} (404), {@code method} (405), {@code rate} (429), {@code
 * size} (413), {@code timeout} (408), {@code signature} (401 and 403: every verification, the
 * signature, token or timestamp), {@code body} (400, 415, 422) and {@code other}. Every counter is
 * registered at start, so an alert's rate is 0 rather than missing before the first rejection.
 */
// Created at boot, so its counters exist before the first rejection.
@Startup
@Singleton
public class HookRejections {
  private static final Map<Integer, String> CHECKS =
      Map.of(
          404, "source",
          405, "method",
          429, "rate",
          413, "size",
          408, "timeout",
          401, "signature",
          403, "signature",
          400, "body",
          415, "body",
          422, "body");

  private final Map<String, Counter> counters = new java.util.HashMap<>();

  public HookRejections(MeterRegistry registry) {
    for (String check : new java.util.TreeSet<>(CHECKS.values())) {
      counters.put(check, counter(registry, check));
    }
    counters.put("other", counter(registry, "other"));
  }

  private static Counter counter(MeterRegistry registry, String check) {
    return Counter.builder("hookyard.hook.rejections")
        .description("Hook requests refused, by the check that refused them")
        .tag("check", check)
        .register(registry);
  }

  /** The check a refusal with this status stands for. */
  static String check(int status) {
    return CHECKS.getOrDefault(status, "other");
  }

  /** Counts a refusal; a 5xx is not a refusal (the vendor is asked to retry) and is not counted. */
  public void rejected(int status) {
    if (status >= 400 && status < 500) {
      counters.get(check(status)).increment();
    }
  }
}
