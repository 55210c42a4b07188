package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the Kubernetes alert rules and the Grafana dashboard query is served on {@code
 * /q/metrics} by the services: an alert on a metric nobody emits would never fire.
 */
@ExtendWith(SystemStack.class)
class MonitoredMetricsIT {
  // Metric names in PromQL: a service's own, the process's, the HTTP server's and the pool's.
  static final Pattern METRIC =
      Pattern.compile("\\b((?:hookyard|process|http_server|agroal|jvm)_[a-z0-9_]+)");

  Wiring wiring;

  @AfterEach
  void stopSink() {
    if (wiring != null) {
      wiring.sink().close();
    }
  }

  @Test
  void everyMetricTheAlertsAndTheDashboardQueryIsServed() throws Exception {
    HookyardStack stack = SystemStack.get();
    Set<String> referenced = new TreeSet<>();
    Path monitoring = SystemStack.root().resolve("k8s/monitoring");
    for (String file : List.of("alert-rules.yaml", "grafana-dashboard.json")) {
      Matcher matcher = METRIC.matcher(Files.readString(monitoring.resolve(file)));
      while (matcher.find()) {
        referenced.add(matcher.group(1));
      }
    }
    assertTrue(
        referenced.containsAll(
            Set.of("hookyard_delivery_dead_letters_total", "hookyard_hook_rejections_total")),
        "the monitoring files were read: " + referenced);

    // Management calls on every service and one event, so that request timers exist everywhere.
    wiring = Wiring.create(stack.as("alice"), "acme");
    ManagementClient.postEvent(wiring.hookUrl(), wiring.sourceSecret(), wiring.event(""));
    wiring.sink().await(r -> true, 1, Duration.ofSeconds(30));

    StringBuilder served = new StringBuilder();
    for (HookyardService service : HookyardService.values()) {
      served.append(
          ManagementClient.send(
                  HttpRequest.newBuilder(URI.create(stack.url(service) + "/q/metrics")).build())
              .body());
    }
    List<String> missing = new ArrayList<>();
    for (String metric : referenced) {
      if (!Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(served).find()) {
        missing.add(metric);
      }
    }
    assertEquals(List.of(), missing, "metrics the monitoring queries but no service serves");
  }
}
