package io.hookyard.stack;

import io.hookyard.common.testing.EmbeddedDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole of Hookyard as separate processes: PostgreSQL (embedded, or the server named by {@code
 * HOOKYARD_DB_URL}), a real Keycloak, the three packaged services and the console. {@code
 * ./hookyard up} runs it on fixed ports; system tests run it on free ports and kill and restart
 * services in it.
 */
public final class HookyardStack implements AutoCloseable {
  private final Options options;
  private final Map<HookyardService, Integer> ports = new EnumMap<>(HookyardService.class);
  private final Map<HookyardService, ManagedProcess> services =
      new EnumMap<>(HookyardService.class);
  private final List<ManagedProcess> replicas = new ArrayList<>();
  private EmbeddedDatabase database;
  private String databaseUrl;
  private KeycloakServer keycloak;
  private final String consoleSecret = newClientSecret();

  /**
   * How to run the stack.
   *
   * @param root the repository root (the services' jars are under {@code <module>/target})
   * @param keycloakHome the unpacked Keycloak distribution
   * @param dataDirectory where PostgreSQL keeps its data, or null for a throw-away database
   * @param logDirectory where each process writes its log
   * @param fixedPorts whether to use the default ports (8180, 8081-8083) rather than free ones
   * @param passwords the demo users' passwords, by user name
   * @param serviceProperties extra system properties for every service
   */
  public record Options(
      Path root,
      Path keycloakHome,
      Path dataDirectory,
      Path logDirectory,
      boolean fixedPorts,
      Map<String, String> passwords,
      Map<String, String> serviceProperties) {}

  /**
   * The service properties that give the stack one key for secrets at rest, {@code local}.
   *
   * @param key 32 bytes, base64
   */
  public static Map<String, String> secretsKeyProperties(String key) {
    return Map.of("hookyard.secrets.active-key", "local", "hookyard.secrets.keys.local", key);
  }

  private static String newClientSecret() {
    byte[] secret = new byte[24];
    new java.security.SecureRandom().nextBytes(secret);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** A fresh random key for secrets at rest: 32 bytes, base64. */
  public static String newSecretsKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  public HookyardStack(Options options) {
    this.options = options;
  }

  public HookyardStack start() {
    startDatabase();
    int keycloakPort = options.fixedPorts() ? 8180 : Ports.orFree(0);
    for (HookyardService service : HookyardService.values()) {
      ports.put(service, options.fixedPorts() ? service.defaultPort() : Ports.orFree(0));
    }
    // Keycloak learns the console's address, to which alone it sends users back after sign-in.
    keycloak =
        KeycloakServer.start(
            options.keycloakHome(),
            keycloakPort,
            jdbcUrl("keycloak"),
            options.passwords(),
            new KeycloakServer.ConsoleClient(url(HookyardService.CONSOLE), consoleSecret),
            options.logDirectory());
    for (HookyardService service : HookyardService.values()) {
      services.put(service, newProcess(service).start());
    }
    for (HookyardService service : HookyardService.values()) {
      awaitReady(service);
    }
    return this;
  }

  private void startDatabase() {
    String external = System.getenv("HOOKYARD_DB_URL");
    if (external != null && !external.isBlank()) {
      databaseUrl = external;
      return;
    }
    database = EmbeddedDatabase.start(options.dataDirectory(), options.fixedPorts() ? 5433 : 0);
    databaseUrl = database.jdbcUrl("hookyard");
  }

  private String jdbcUrl(String name) {
    return database == null ? databaseUrl : database.jdbcUrl(name);
  }

  private ManagedProcess newProcess(HookyardService service) {
    return newProcess(service, port(service), service.module(), Map.of());
  }

  /**
   * Starts one more instance of {@code service} on the same database, as a second replica would
   * run, and waits until it is ready; the peers keep talking to the first instance. The caller
   * stops it (or the stack does, when it closes).
   *
   * @param properties extra system properties for this instance only
   */
  public synchronized Replica startReplica(
      HookyardService service, Map<String, String> properties) {
    int port = Ports.orFree(0);
    String name = service.module() + "-" + (replicas.size() + 2);
    ManagedProcess process = newProcess(service, port, name, properties).start();
    replicas.add(process);
    process.awaitHttpOk(
        URI.create("http://localhost:" + port + "/q/health/ready"), Duration.ofMinutes(2));
    return new Replica(process, "http://localhost:" + port);
  }

  /** An extra instance of a service, and its base URL. */
  public record Replica(ManagedProcess process, String url) {}

  private ManagedProcess newProcess(
      HookyardService service, int port, String name, Map<String, String> extra) {
    Path jar =
        options.root().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Build the services first (./mvnw package): missing " + jar);
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quarkus.http.port", Integer.toString(port));
    properties.put("quarkus.datasource.jdbc.url", databaseUrl);
    properties.put("quarkus.datasource.username", database == null ? dbUser() : "postgres");
    properties.put("quarkus.oidc.auth-server-url", keycloak.issuer());
    properties.put("quarkus.rest-client.rules.url", url(HookyardService.RULES));
    properties.put("quarkus.rest-client.delivery.url", url(HookyardService.DELIVERY));
    properties.put("quarkus.rest-client.receiver.url", url(HookyardService.RECEIVER));
    properties.put("hookyard.receiver.public-url", url(HookyardService.RECEIVER));
    // Everything of a local stack (sinks, the echo destination) listens on loopback, which
    // delivery-service refuses to reach unless allowed.
    properties.put("hookyard.delivery.egress.allowed-cidrs", "127.0.0.0/8,::1/128");
    properties.put("quarkus.oidc.client-id", KeycloakServer.CONSOLE_CLIENT);
    properties.put("quarkus.oidc.credentials.secret", consoleSecret);
    properties.putAll(options.serviceProperties());
    properties.putAll(extra);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(jar.toString());
    Path log = options.logDirectory().resolve(name + ".log");
    return new ManagedProcess(name, command, clientCredentials(service), log);
  }

  /**
   * The service's OIDC client and its secret, in the environment rather than on the command line,
   * for the client-credentials tokens it sends to its peers' internal endpoints.
   */
  private Map<String, String> clientCredentials(HookyardService service) {
    String client = KeycloakServer.SERVICE_CLIENTS.get(service);
    if (client == null) {
      return Map.of();
    }
    String secret = options.passwords().get(client);
    if (secret == null) {
      throw new IllegalStateException("No secret for the service client " + client);
    }
    return Map.of("HOOKYARD_OIDC_CLIENT_ID", client, "HOOKYARD_OIDC_CLIENT_SECRET", secret);
  }

  private static String dbUser() {
    String user = System.getenv("HOOKYARD_DB_USER");
    return user == null ? "hookyard" : user;
  }

  private void awaitReady(HookyardService service) {
    services
        .get(service)
        .awaitHttpOk(URI.create(url(service) + "/q/health/ready"), Duration.ofMinutes(2));
  }

  /**
   * Stops the embedded PostgreSQL and starts it again on the same data folder and port, as a
   * database failover or restart would look to the services: every open connection breaks. Only for
   * a stack with a data folder of its own.
   */
  public synchronized void restartDatabase(Duration down) {
    if (database == null || options.dataDirectory() == null) {
      throw new IllegalStateException("Only a stack's own embedded database with a data folder");
    }
    int port = database.port();
    database.close();
    ManagedProcess.sleep(down);
    database = EmbeddedDatabase.start(options.dataDirectory(), port);
  }

  /** The process id of a service's first instance. */
  public long pid(HookyardService service) {
    return services.get(service).pid();
  }

  /** Where a service's first instance writes its log. */
  public Path logFile(HookyardService service) {
    return services.get(service).logFile();
  }

  /** {@code kill -9} one service. */
  public void kill(HookyardService service) {
    services.get(service).kill();
  }

  /** Starts a killed or stopped service again and waits until it is ready. */
  public void restart(HookyardService service) {
    services.get(service).stop(Duration.ofSeconds(15));
    services.get(service).start();
    awaitReady(service);
  }

  public int port(HookyardService service) {
    return ports.get(service);
  }

  public String url(HookyardService service) {
    return "http://localhost:" + port(service);
  }

  public KeycloakServer keycloak() {
    return keycloak;
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  /**
   * A client-credentials token of {@code caller}'s service account, as that service sends to its
   * peers' internal endpoints.
   */
  public String serviceToken(HookyardService caller) {
    String client = KeycloakServer.SERVICE_CLIENTS.get(caller);
    return keycloak.clientToken(client, options.passwords().get(client));
  }

  /** A client that calls with {@code token}, whatever it is (for tests of who may call what). */
  public ManagementClient withToken(String token) {
    return new ManagementClient(this, token);
  }

  /** A management API client acting as one of the demo users. */
  public ManagementClient as(String username) {
    return new ManagementClient(this, keycloak.token(username, options.passwords().get(username)));
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    List<ManagedProcess> all = new ArrayList<>(replicas);
    all.addAll(services.values());
    for (ManagedProcess process : all) {
      try {
        process.stop(Duration.ofSeconds(15));
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (keycloak != null) {
      keycloak.close();
    }
    if (database != null) {
      database.close();
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
  }
}
