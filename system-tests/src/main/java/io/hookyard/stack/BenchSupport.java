package io.hookyard.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the end-to-end, soak and growth benchmarks share: the stack, RSS, percentiles. */
final class BenchSupport {
  private BenchSupport() {}

  static Path root() {
    return Path.of(System.getProperty("hookyard.root", ".")).toAbsolutePath().normalize();
  }

  /** The real stack on free ports, with a throw-away database, logs in {@code bench/target}. */
  static HookyardStack startStack(String logs) {
    Path root = root();
    Map<String, String> passwords = new LinkedHashMap<>();
    // Every account of the realm, the services' own clients included: each service signs in to call
    // its peers' internal endpoints.
    for (String user : KeycloakServer.ACCOUNTS) {
      passwords.put(user, "bench-" + user + "-" + System.nanoTime());
    }
    HookyardStack stack =
        new HookyardStack(
            new HookyardStack.Options(
                root,
                HookyardUp.keycloakHome(root),
                null,
                root.resolve("bench/target").resolve(logs),
                false,
                passwords,
                benchProperties()));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    return stack.start();
  }

  /**
   * The stack's key for secrets at rest, and a management API rate limit raised far above the
   * production default: benchmarks call the API faster than a person would, and a 429 would end a
   * measurement rather than time it.
   */
  private static Map<String, String> benchProperties() {
    Map<String, String> properties =
        new LinkedHashMap<>(HookyardStack.secretsKeyProperties(HookyardStack.newSecretsKey()));
    properties.put("hookyard.api.requests-per-minute", "1000000");
    properties.put("hookyard.api.burst", "10000");
    return properties;
  }

  /** Resident set of a process in MiB, from {@code /proc}; NaN when it cannot be read. */
  static double rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process is gone.
    }
    return Double.NaN;
  }

  /** RSS of each service's first instance, in MiB. */
  static Map<String, Double> rss(HookyardStack stack) {
    Map<String, Double> rss = new LinkedHashMap<>();
    for (HookyardService service : HookyardService.values()) {
      rss.put(service.module(), rssMib(stack.pid(service)));
    }
    return rss;
  }

  /** Percentiles of {@code values} (sorted in place), nearest rank; NaN for none. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  static double[] sorted(List<Double> values) {
    double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(array);
    return array;
  }

  static String json(Map<String, ?> values) {
    StringBuilder out = new StringBuilder("{");
    values.forEach(
        (key, value) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append('"').append(key).append("\":").append(jsonValue(value));
        });
    return out.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static String jsonValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      return json((Map<String, ?>) map);
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",").append(jsonValue(list.get(i)));
      }
      return out.append(']').toString();
    }
    if (value instanceof Double number) {
      return number.isNaN() || number.isInfinite()
          ? "null"
          : String.format(Locale.ROOT, "%.2f", number);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  static HttpResponse<String> get(HttpClient http, String url, String token) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + token)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
