package io.hookyard.system;

import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.KeycloakServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one stack (PostgreSQL, Keycloak, the three packaged services, all on free ports) for the
 * whole system-test run and stops it when the run ends. Test classes share it and keep out of each
 * other's way by using their own sources, event types and sinks.
 *
 * <p>The shared stack runs as in the cluster: JSON logs, and traces exported over OTLP/HTTP to a
 * collector of the test JVM ({@link #traces()}). The services log each event they handle at debug
 * level, so the logs show the event id, tenant and trace of every event.
 */
public final class SystemStack implements BeforeAllCallback {
  private static HookyardStack stack;
  private static RecordingServer traces;
  private static Map<String, String> passwords;

  public static synchronized HookyardStack get() {
    if (stack == null) {
      traces = RecordingServer.start();
      Map<String, String> properties = serviceProperties();
      properties.putAll(observedProperties(traces.url()));
      passwords = randomPasswords();
      stack = new HookyardStack(options(null, "stack-logs", properties, passwords)).start();
    }
    return stack;
  }

  /** The OTLP/HTTP requests (protobuf) the shared stack's services exported. */
  public static synchronized RecordingServer traces() {
    get();
    return traces;
  }

  /**
   * A stack of its own for a test that disturbs it (kills, database restarts), with its data folder
   * kept so that PostgreSQL can be restarted on it. The caller closes it.
   */
  static HookyardStack startOwn(Path dataDirectory, String logs, Map<String, String> extra) {
    Map<String, String> properties = serviceProperties();
    properties.putAll(extra);
    return new HookyardStack(options(dataDirectory, logs, properties, randomPasswords())).start();
  }

  static Path root() {
    return Path.of(System.getProperty("hookyard.root", "..")).toAbsolutePath().normalize();
  }

  private static HookyardStack.Options options(
      Path dataDirectory,
      String logs,
      Map<String, String> properties,
      Map<String, String> passwords) {
    return new HookyardStack.Options(
        root(),
        Path.of(System.getProperty("hookyard.keycloak.home")),
        dataDirectory,
        root().resolve("system-tests/target").resolve(logs),
        false,
        passwords,
        properties);
  }

  /** A demo user's password in this run's realm, for tests that sign in through a browser. */
  public static synchronized String password(String user) {
    get();
    return passwords.get(user);
  }

  private static Map<String, String> serviceProperties() {
    Map<String, String> properties =
        new LinkedHashMap<>(HookyardStack.secretsKeyProperties(HookyardStack.newSecretsKey()));
    // Short backoffs so a restarted peer is found again within a second or two.
    properties.put("hookyard.receiver.outbox.max-backoff", "1s");
    properties.put("hookyard.rules.outbox.max-backoff", "1s");
    return properties;
  }

  private static Map<String, String> observedProperties(String collectorUrl) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quarkus.otel.sdk.disabled", "false");
    properties.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
    properties.put("quarkus.otel.exporter.otlp.traces.endpoint", collectorUrl);
    properties.put("quarkus.otel.exporter.otlp.traces.compression", "none");
    properties.put("quarkus.otel.bsp.schedule.delay", "200ms");
    properties.put("quarkus.log.console.json.enabled", "true");
    for (String category :
        List.of(
            "io.hookyard.receiver.ingest.EventWriter",
            "io.hookyard.rules.matching.MatchingService",
            "io.hookyard.delivery.delivery.DeliveryWorker")) {
      properties.put("quarkus.log.category.\"" + category + "\".level", "DEBUG");
    }
    return properties;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    get();
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            SystemStack.class, key -> (ExtensionContext.Store.CloseableResource) SystemStack::stop);
  }

  private static synchronized void stop() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
    if (traces != null) {
      traces.close();
      traces = null;
    }
  }

  static Map<String, String> randomPasswords() {
    SecureRandom random = new SecureRandom();
    Map<String, String> generated = new LinkedHashMap<>();
    for (String user : KeycloakServer.ACCOUNTS) {
      byte[] bytes = new byte[12];
      random.nextBytes(bytes);
      generated.put(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    return generated;
  }
}
