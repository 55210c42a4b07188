package io.hookyard.delivery.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.DeliverySender;
import io.hookyard.delivery.delivery.OutgoingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of OAuth2 client-credentials credentials: fetched from the token endpoint (client
 * authenticated with HTTP basic, RFC 6749 section 4.4), kept in memory per instance, and fetched
 * again before they expire, after the credential is replaced, or when a destination answered 401.
 * One fetch per credential at a time; the others wait for it. The endpoint is reached through the
 * same sender as destinations, so it is held to the same address policy.
 */
@ApplicationScoped
public class OAuth2Tokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private record Token(String value, Instant refreshAt, Instant version) {}

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final DeliverySender sender;
  private final DeliveryConfig.Credentials config;
  private final Clock clock;

  public OAuth2Tokens(DeliverySender sender, DeliveryConfig config, Clock clock) {
    this.sender = sender;
    this.config = config.credentials();
    this.clock = clock;
  }

  /** A token that is not about to expire: the cached one, or a fresh one. */
  public String token(ResolvedCredential credential) {
    Token cached = usable(credential);
    if (cached != null) {
      return cached.value();
    }
    synchronized (locks.computeIfAbsent(credential.id(), id -> new Object())) {
      cached = usable(credential);
      if (cached != null) {
        return cached.value();
      }
      Token fresh = fetch(credential);
      tokens.put(credential.id(), fresh);
      return fresh.value();
    }
  }

  /** Drops the cached token of a credential whose token a destination refused. */
  public void invalidate(String credentialId, String refusedToken) {
    tokens.computeIfPresent(
        credentialId, (id, token) -> token.value().equals(refusedToken) ? null : token);
  }

  private Token usable(ResolvedCredential credential) {
    Token token = tokens.get(credential.id());
    boolean current =
        token != null
            && token.version().equals(credential.version())
            && token.refreshAt().isAfter(clock.instant());
    return current ? token : null;
  }

  private Token fetch(ResolvedCredential credential) {
    String tokenUrl = credential.setting("tokenUrl");
    String clientId = credential.setting("clientId");
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    if (credential.setting("scope") != null) {
      form.append("&scope=").append(encode(credential.setting("scope")));
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (encode(clientId) + ":" + encode(credential.secret()))
                    .getBytes(StandardCharsets.UTF_8));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/x-www-form-urlencoded"));
    headers.put("accept", List.of("application/json"));
    headers.put("authorization", List.of("Basic " + basic));
    OutgoingRequest request =
        new OutgoingRequest(
            "token",
            "POST",
            tokenUrl,
            headers,
            Map.of(),
            form.toString().getBytes(StandardCharsets.UTF_8));
    Instant asked = clock.instant();
    AttemptResult result = sender.send(request, config.tokenTimeout());
    if (result.status() == null) {
      throw new CredentialException(
          "The token endpoint of credential "
              + credential.name()
              + " could not be reached ("
              + result.errorClass()
              + ").");
    }
    if (result.status() / 100 != 2) {
      throw new CredentialException(
          "The token endpoint of credential "
              + credential.name()
              + " answered "
              + result.status()
              + ".");
    }
    return parse(credential, result.responseBody(), asked);
  }

  private Token parse(ResolvedCredential credential, byte[] body, Instant asked) {
    JsonNode answer;
    try {
      answer = body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null || !answer.path("access_token").isTextual()) {
      throw new CredentialException(
          "The token endpoint of credential " + credential.name() + " sent no access_token.");
    }
    Duration lifetime =
        answer.path("expires_in").canConvertToLong() && answer.path("expires_in").asLong() > 0
            ? Duration.ofSeconds(answer.path("expires_in").asLong())
            : DEFAULT_LIFETIME;
    Instant refreshAt = asked.plus(lifetime).minus(config.tokenRefreshBefore());
    return new Token(answer.path("access_token").asText(), refreshAt, credential.version());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
