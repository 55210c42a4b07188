package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.svix.Webhook;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GitHub scenario of docs/scenarios/github-slack.md: a signed push becomes a Slack message, the
 * vendor's original bytes are relayed to another receiver with Standard Webhooks signatures, and
 * the GitHub secret is rotated with an overlap during which both secrets verify.
 */
@ExtendWith(SystemStack.class)
class GithubToSlackScenarioIT {
  static final String TENANT = "acme";
  static final ObjectMapper JSON = new ObjectMapper();

  HookyardStack stack;
  ManagementClient alice;
  RecordingServer slack;
  RecordingServer relay;
  String repository;
  String hookUrl;
  String sourceId;
  String relaySigningSecret;

  @BeforeEach
  void setUp() throws Exception {
    stack = SystemStack.get();
    alice = stack.as("alice");
    slack = RecordingServer.start();
    relay = RecordingServer.start();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    repository = "acme/infra-" + suffix;

    JsonNode source =
        alice.createSource(
            TENANT, "github-" + suffix, Map.of("vendor", "github", "secret", "first-secret-1"));
    hookUrl = source.path("url").asText();
    sourceId = source.path("id").asText();

    String slackId =
        alice
            .createDestination(TENANT, "slack-" + suffix, slack.url() + "/services/T0/B0/x")
            .path("id")
            .asText();
    JsonNode relayDestination =
        alice.createDestination(TENANT, "relay-" + suffix, relay.url() + "/github");
    relaySigningSecret = relayDestination.path("secret").asText();
    assertTrue(relaySigningSecret.startsWith("whsec_"), relayDestination.toString());

    String onlyThisRepository = "repository/full_name eq '" + repository + "'";
    subscribe(
        "push-to-slack-" + suffix,
        onlyThisRepository,
        Map.of(
            "name",
            "slack",
            "destinationId",
            slackId,
            "preset",
            "SLACK",
            "fields",
            Map.of(
                "text",
                "{data.pusher.name} pushed {data.commits.size} commit(s) to"
                    + " {data.repository.full_name}: {data.head_commit.message}")));
    subscribe(
        "relay-" + suffix,
        onlyThisRepository,
        Map.of(
            "name",
            "relay",
            "destinationId",
            relayDestination.path("id").asText(),
            "preset",
            "RAW",
            "headers",
            Map.of("X-GitHub-Event", "push")));
  }

  @AfterEach
  void stopServers() {
    slack.close();
    relay.close();
  }

  @Test
  void aSignedPushBecomesASlackMessageAndIsRelayedSigned() throws Exception {
    byte[] push = push("Update DNS for the new office");
    HttpResponse<String> accepted = postPush(push, "first-secret-1");
    assertEquals(202, accepted.statusCode(), accepted.body());
    String eventId = JSON.readTree(accepted.body()).path("id").asText();

    RecordingServer.Recorded message = slack.await(r -> true, 1, Duration.ofSeconds(30)).get(0);
    assertEquals("POST", message.method());
    assertEquals("/services/T0/B0/x", message.path());
    assertEquals(
        JSON.readTree(
            "{\"text\":\"octocat pushed 2 commit(s) to "
                + repository
                + ": Update DNS for the new office\"}"),
        JSON.readTree(message.body()));

    RecordingServer.Recorded relayed = relay.await(r -> true, 1, Duration.ofSeconds(30)).get(0);
    assertArrayEquals(push, relayed.body(), "the vendor's bytes, untouched");
    assertEquals("push", relayed.header("X-GitHub-Event"));
    assertDoesNotThrow(
        () -> new Webhook(relaySigningSecret).verify(relayed.bodyText(), relayed.headers()));

    JsonNode log = alice.deliveries(TENANT, Map.of("eventId", eventId));
    assertEquals(2, log.path("items").size(), log.toString());
    for (JsonNode delivery : log.path("items")) {
      assertEquals("SUCCEEDED", awaitStatus(delivery.path("id").asText(), "SUCCEEDED"));
    }
  }

  @Test
  void theOldSecretVerifiesDuringTheOverlapAndIsRefusedAfterIt() throws Exception {
    HttpResponse<String> rotated =
        alice.call(
            HookyardService.RECEIVER,
            "POST",
            "/api/v1/tenants/" + TENANT + "/sources/" + sourceId + "/rotate-secret",
            "{\"secret\":\"second-secret-2\",\"overlapSeconds\":4}");
    assertEquals(200, rotated.statusCode(), rotated.body());
    Instant overlapEnds = Instant.now().plusSeconds(4);

    assertEquals(202, postPush(push("signed with the old secret"), "first-secret-1").statusCode());
    assertEquals(202, postPush(push("signed with the new secret"), "second-secret-2").statusCode());
    slack.await(r -> true, 2, Duration.ofSeconds(30));

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), overlapEnds).toMillis()) + 1500);
    HttpResponse<String> refused = postPush(push("old secret, too late"), "first-secret-1");
    assertEquals(401, refused.statusCode(), refused.body());
    assertEquals(
        "application/problem+json",
        refused.headers().firstValue("content-type").orElse("").split(";")[0]);
    assertEquals(202, postPush(push("new secret, still fine"), "second-secret-2").statusCode());

    slack.await(r -> true, 3, Duration.ofSeconds(30));
    Thread.sleep(1000);
    List<String> texts =
        slack.requests().stream()
            .map(r -> readTree(r.body()).path("text").asText())
            .sorted()
            .toList();
    assertEquals(3, texts.size(), texts.toString());
    assertTrue(
        texts.stream().noneMatch(text -> text.endsWith("old secret, too late")), texts.toString());
  }

  private void subscribe(String name, String filter, Map<String, Object> step) throws Exception {
    Map<String, Object> body =
        Map.of(
            "name",
            name,
            "eventTypes",
            List.of("github.push"),
            "filter",
            filter,
            "action",
            Map.of("steps", List.of(step)));
    HttpResponse<String> created =
        alice.call(
            HookyardService.RULES,
            "POST",
            "/api/v1/tenants/" + TENANT + "/subscriptions",
            JSON.writeValueAsString(body));
    assertEquals(201, created.statusCode(), created.body());
  }

  private byte[] push(String message) throws Exception {
    Map<String, Object> push =
        Map.of(
            "ref",
            "refs/heads/main",
            "repository",
            Map.of("full_name", repository, "name", repository.substring(5)),
            "pusher",
            Map.of("name", "octocat", "email", "octocat@example.com"),
            "commits",
            List.of(Map.of("id", "a1"), Map.of("id", "b2")),
            "head_commit",
            Map.of("id", "b2", "message", message));
    return JSON.writeValueAsBytes(push);
  }

  private HttpResponse<String> postPush(byte[] body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    return ManagementClient.send(
        HttpRequest.newBuilder(URI.create(hookUrl))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "push")
            .header("X-GitHub-Delivery", UUID.randomUUID().toString())
            .header("X-Hub-Signature-256", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private String awaitStatus(String deliveryId, String status) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    String seen = null;
    while (Instant.now().isBefore(deadline)) {
      seen = alice.delivery(TENANT, deliveryId).path("status").asText();
      if (status.equals(seen)) {
        return seen;
      }
      Thread.sleep(100);
    }
    return seen;
  }

  private static JsonNode readTree(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
