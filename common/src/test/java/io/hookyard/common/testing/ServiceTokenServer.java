package io.hookyard.common.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2 token endpoint for the client-credentials grant, standing in for Keycloak in
 * {@code @QuarkusTest}s: it checks the client's id and secret and issues a real signed JWT with the
 * service role ({@link TestTokens#service()}), verifiable by the same WireMock OIDC server as every
 * other test token. A service's {@code quarkus-oidc-client} is pointed at it.
 */
public class ServiceTokenServer implements QuarkusTestResourceLifecycleManager {
  public static final String CLIENT_ID = "hookyard-test-service";
  public static final String CLIENT_SECRET = "test-client-secret";
  private static final AtomicInteger ISSUED = new AtomicInteger();

  private HttpServer server;
  private ClassLoader loader;

  /** How many tokens have been issued so far, in this test JVM. */
  public static int issued() {
    return ISSUED.get();
  }

  @Override
  public Map<String, String> start() {
    loader = Thread.currentThread().getContextClassLoader();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/token", this::token);
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return Map.of(
        "quarkus.oidc-client.auth-server-url", url,
        "quarkus.oidc-client.discovery-enabled", "false",
        "quarkus.oidc-client.token-path", "/token",
        "quarkus.oidc-client.client-id", CLIENT_ID,
        "quarkus.oidc-client.credentials.secret", CLIENT_SECRET);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    boolean clientOk =
        basic(CLIENT_ID, CLIENT_SECRET).equals(authorization)
            || (CLIENT_ID.equals(form.get("client_id"))
                && CLIENT_SECRET.equals(form.get("client_secret")));
    if (!"client_credentials".equals(form.get("grant_type")) || !clientOk) {
      answer(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      String token = TestTokens.service();
      ISSUED.incrementAndGet();
      answer(
          exchange,
          200,
          "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
