package io.hookyard.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak (the distribution from Maven Central) in dev mode, storing its data in the
 * stack's PostgreSQL, with the {@code hookyard} realm imported: roles, the tenant claim mapper, a
 * public {@code hookyard-cli} client for the password grant, the console's confidential client for
 * the authorization-code flow, the demo users, and one confidential client per calling service
 * (client credentials, role {@code hookyard-service}).
 */
public final class KeycloakServer implements AutoCloseable {
  public static final String REALM = "hookyard";
  public static final String CLI_CLIENT = "hookyard-cli";
  public static final String CONSOLE_CLIENT = "hookyard-console";

  /** The confidential clients the services use for client-credentials tokens, by service. */
  public static final Map<HookyardService, String> SERVICE_CLIENTS =
      Map.of(
          HookyardService.RECEIVER, "hookyard-receiver", HookyardService.RULES, "hookyard-rules");

  /**
   * Every account of the realm that needs a generated password or secret: the demo users and the
   * services' clients.
   */
  public static final List<String> ACCOUNTS =
      List.of("alice", "victor", "bob", "ops", "hookyard-receiver", "hookyard-rules");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ManagedProcess process;
  private final int port;

  private KeycloakServer(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Keycloak and waits until the realm answers.
   *
   * @param passwords the demo users' passwords, by user name (alice, victor, bob, ops)
   * @param console where the console is served, and its client secret
   */
  public static KeycloakServer start(
      Path home,
      int port,
      String databaseUrl,
      Map<String, String> passwords,
      ConsoleClient console,
      Path logDirectory) {
    writeRealm(home, passwords, console);
    int managementPort = Ports.orFree(0);
    List<String> command =
        List.of(
            "bash",
            home.resolve("bin/kc.sh").toString(),
            "start-dev",
            "--http-port=" + port,
            "--http-management-port=" + managementPort,
            "--hostname=http://localhost:" + port,
            "--import-realm",
            "--db=postgres",
            "--db-url=" + databaseUrl,
            "--db-username=postgres",
            "--cache=local",
            "--health-enabled=true");
    Map<String, String> environment =
        Map.of(
            "JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    ManagedProcess process =
        new ManagedProcess("keycloak", command, environment, logDirectory.resolve("keycloak.log"))
            .start();
    KeycloakServer server = new KeycloakServer(process, port);
    process.awaitHttpOk(
        URI.create(server.issuer() + "/.well-known/openid-configuration"), Duration.ofMinutes(4));
    return server;
  }

  /** The console's client: its base URL (the redirect URIs are under it) and its secret. */
  public record ConsoleClient(String url, String secret) {}

  private static void writeRealm(Path home, Map<String, String> passwords, ConsoleClient console) {
    try (InputStream template =
        KeycloakServer.class.getResourceAsStream("/keycloak/hookyard-realm.json")) {
      String realm = new String(template.readAllBytes(), StandardCharsets.UTF_8);
      for (var entry : passwords.entrySet()) {
        realm = realm.replace("@" + entry.getKey().toUpperCase() + "_PASSWORD@", entry.getValue());
      }
      realm =
          realm
              .replace("@CONSOLE_URL@", console.url())
              .replace("@CONSOLE_CLIENT_SECRET@", console.secret());
      Path imports = home.resolve("data/import");
      Files.createDirectories(imports);
      Files.writeString(imports.resolve("hookyard-realm.json"), realm);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the Keycloak realm", e);
    }
  }

  /** The issuer URL services are configured with, and tokens carry. */
  public String issuer() {
    return "http://localhost:" + port + "/realms/" + REALM;
  }

  public String tokenEndpoint() {
    return issuer() + "/protocol/openid-connect/token";
  }

  /** An access token for a user, by the password grant of the {@code hookyard-cli} client. */
  public String token(String username, String password) {
    return requestToken(
        username,
        "grant_type=password&client_id="
            + CLI_CLIENT
            + "&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  /** A service's access token, by the client-credentials grant of its confidential client. */
  public String clientToken(String clientId, String secret) {
    return requestToken(
        clientId,
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8));
  }

  private String requestToken(String username, String form) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused a token for " + username + ": " + response.body());
      }
      JsonNode body = JSON.readTree(response.body());
      return body.path("access_token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public ManagedProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(20));
  }
}
