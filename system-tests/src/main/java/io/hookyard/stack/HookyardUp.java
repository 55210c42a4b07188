package io.hookyard.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ./hookyard up}: runs the whole system on this machine (PostgreSQL with its data under
 * {@code .hookyard/}, Keycloak on 8180, the services on 8081-8083, the console on 8084), an echo
 * destination on 8090 and an SMTP server on 2525 that print what they receive, sets up a demo
 * tenant {@code acme}, and prints how to use it. Ctrl-C stops everything.
 */
public final class HookyardUp {
  static final String TENANT = "acme";
  static final int ECHO_PORT = 8090;
  static final int MAIL_PORT = 2525;
  private static final List<String> DEMO_USERS = KeycloakServer.ACCOUNTS;
  private static final ObjectMapper JSON = new ObjectMapper();

  private HookyardUp() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("hookyard.root", ".")).toAbsolutePath().normalize();
    Path state = root.resolve(".hookyard");
    Files.createDirectories(state);
    Map<String, String> passwords = demoPasswords(state.resolve("demo-users.properties"));
    HookyardStack.Options options =
        new HookyardStack.Options(
            root,
            keycloakHome(root),
            state.resolve("postgres"),
            state.resolve("logs"),
            true,
            passwords,
            HookyardStack.secretsKeyProperties(secretsKey(state.resolve("secrets-key"))));

    System.out.println(
        "Starting PostgreSQL, Keycloak and the three services (logs in .hookyard/logs)...");
    EchoServer echo = EchoServer.start(ECHO_PORT, System.out);
    LocalMailServer mail = LocalMailServer.start(MAIL_PORT, System.out);
    HookyardStack stack = new HookyardStack(options);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping Hookyard...");
                  stack.close();
                  echo.close();
                  mail.close();
                }));
    stack.start();
    String sourceToken = setUpDemo(stack, echo, state.resolve("demo-source-token"));
    printWelcome(stack, sourceToken, passwords);
    Thread.currentThread().join();
  }

  /**
   * Creates the demo source, echo destination and a subscription of every event of the demo source
   * to the echo once; reruns reuse them. The subscription is limited to the demo source so that
   * sources set up by hand (as in docs/scenarios) deliver only where their own subscriptions say.
   */
  static String setUpDemo(HookyardStack stack, EchoServer echo, Path tokenFile) throws IOException {
    ManagementClient alice = stack.as("alice");
    String base = "/api/v1/tenants/" + TENANT;
    JsonNode source = find(alice, HookyardService.RECEIVER, base + "/sources", "demo");
    if (source == null) {
      source = alice.createSource(TENANT, "demo");
      Files.writeString(tokenFile, source.path("secret").asText());
    }
    JsonNode destination = find(alice, HookyardService.DELIVERY, base + "/destinations", "echo");
    if (destination == null) {
      destination = alice.createDestination(TENANT, "echo", echo.url());
    }
    if (find(alice, HookyardService.RULES, base + "/subscriptions", "everything") == null) {
      alice.createSubscription(
          TENANT,
          Map.of(
              "name", "everything",
              "eventTypes", List.of("*"),
              "sources", List.of(source.path("id").asText()),
              "destinationId", destination.path("id").asText()));
    }
    return Files.exists(tokenFile)
        ? Files.readString(tokenFile).trim()
        : "<see .hookyard/demo-source-token>";
  }

  private static JsonNode find(
      ManagementClient client, HookyardService service, String path, String name)
      throws IOException {
    JsonNode list = JSON.readTree(client.call(service, "GET", path, null).body());
    for (JsonNode item : list) {
      if (name.equals(item.path("name").asText())) {
        return item;
      }
    }
    return null;
  }

  private static void printWelcome(
      HookyardStack stack, String sourceToken, Map<String, String> passwords) {
    String hook = stack.url(HookyardService.RECEIVER) + "/hooks/" + TENANT + "/demo";
    String tokenUrl = stack.keycloak().tokenEndpoint();
    System.out.printf(
        """

        Hookyard is up.
          receiver   %s   (webhooks: /hooks/{tenant}/{source})
          rules      %s
          delivery   %s
          console    %s/console   (sign in as alice, tenant-admin of acme, or victor, viewer)
          keycloak   http://localhost:8180   (realm hookyard)
          echo       http://localhost:%d/echo   (the demo destination; every request to it prints below;
                     PUT /_answers/<path> gives <path> a canned answer, see docs/scenarios/README.md)
          smtp       127.0.0.1:%d   (plain SMTP for e-mail steps; every message it gets prints below)

        Send an event to the demo source of tenant acme:
          curl -i -X POST %s \\
            -H 'Authorization: Bearer %s' \\
            -H 'Content-Type: application/json' -H 'X-Hookyard-Event-Type: demo.hello' \\
            -d '{"hello":"world"}'

        Get a management token (alice is tenant-admin of acme; all demo passwords are in .hookyard/demo-users.properties):
          TOKEN=$(curl -s -d grant_type=password -d client_id=hookyard-cli -d username=alice \\
            -d password='%s' %s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')

        Then read the delivery log:
          curl -s -H "Authorization: Bearer $TOKEN" %s/api/v1/tenants/acme/deliveries

        Metrics (Prometheus text; every service has them, Hookyard's own start with hookyard_):
          curl -s %s/q/metrics | grep '^hookyard_'
        Health: %s/q/health   OpenAPI: %s/q/openapi
        Traces: %s
        Press Ctrl-C to stop everything.
        """,
        stack.url(HookyardService.RECEIVER),
        stack.url(HookyardService.RULES),
        stack.url(HookyardService.DELIVERY),
        stack.url(HookyardService.CONSOLE),
        ECHO_PORT,
        MAIL_PORT,
        hook,
        sourceToken,
        passwords.get("alice"),
        tokenUrl,
        stack.url(HookyardService.DELIVERY),
        stack.url(HookyardService.DELIVERY),
        stack.url(HookyardService.RECEIVER),
        stack.url(HookyardService.RECEIVER),
        tracingHint());
  }

  /** How to see an event's trace, whether tracing is on or not. */
  static String tracingHint() {
    if ("false".equalsIgnoreCase(System.getenv("QUARKUS_OTEL_SDK_DISABLED"))) {
      String endpoint = System.getenv("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
      return "exported over OTLP to "
          + (endpoint == null ? "http://localhost:4317 (gRPC)" : endpoint)
          + ". Each event is one trace receiver → rules → delivery;\n"
          + "          its id is in the delivered CloudEvent's traceparent attribute"
          + " (Jaeger all-in-one: UI on http://localhost:16686).";
    }
    return "off. To follow each event receiver → rules → delivery, run an OTLP receiver (Jaeger\n"
        + "          all-in-one: UI on http://localhost:16686) and start with"
        + " QUARKUS_OTEL_SDK_DISABLED=false ./hookyard up";
  }

  /** The demo users' passwords: generated on the first run and kept under .hookyard/. */
  static Map<String, String> demoPasswords(Path file) throws IOException {
    Properties stored = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        stored.load(in);
      }
    }
    Map<String, String> passwords = new LinkedHashMap<>();
    SecureRandom random = new SecureRandom();
    for (String user : DEMO_USERS) {
      String password = stored.getProperty(user);
      if (password == null) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        stored.setProperty(user, password);
      }
      passwords.put(user, password);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      stored.store(
          out, "Demo users and service clients of the local Keycloak realm 'hookyard' (generated)");
    }
    return passwords;
  }

  /** The key that encrypts secrets at rest: generated on the first run, kept under .hookyard/. */
  static String secretsKey(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.writeString(file, HookyardStack.newSecretsKey());
    }
    return Files.readString(file).trim();
  }

  static Path keycloakHome(Path root) {
    Path unpacked = root.resolve("system-tests/target/keycloak");
    try (Stream<Path> children = Files.list(unpacked)) {
      return children
          .filter(path -> path.getFileName().toString().startsWith("keycloak-"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No Keycloak under " + unpacked));
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak is not unpacked; run ./mvnw package first", e);
    }
  }
}
