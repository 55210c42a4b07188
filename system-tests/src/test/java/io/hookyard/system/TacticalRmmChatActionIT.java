package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Tactical RMM guide on Hookyard: an alert sent as a PUT with the token in a custom header
 * reaches Slack, Teams and Discord, each in the body that platform's webhook accepts. Discord
 * answers the first request with 429 and Retry-After, which the retry respects; Slack and Teams are
 * not sent again.
 */
@ExtendWith(SystemStack.class)
class TacticalRmmChatActionIT {
  private static final String TENANT = "acme";
  private static final int RETRY_AFTER_SECONDS = 2;

  @Test
  void anAlertReachesSlackTeamsAndDiscordInTheirOwnShapes() throws Exception {
    HookyardStack stack = SystemStack.get();
    ActionWiring wiring = ActionWiring.of(stack.as("alice"), TENANT);
    try (RecordingServer slack = RecordingServer.start();
        RecordingServer teams = RecordingServer.start();
        RecordingServer discord = RecordingServer.start()) {
      discord.answerTimes(
          r -> true, 1, 429, Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)), null);
      discord.answerWith(204);

      JsonNode source = wiring.source("tactical-rmm");
      String slackId = wiring.destination("slack", slack.url() + "/services/T0/B0/x", Map.of());
      String teamsId = wiring.destination("teams", teams.url() + "/webhookb2/x", Map.of());
      String discordId =
          wiring.destination("discord", discord.url() + "/api/webhooks/1/x", Map.of());
      String title = "{data.hostname}: {data.alert_type}";
      String text = "{data.message}";
      Map<String, Object> fields = Map.of("title", title, "text", text, "color", "#D83B01");
      Map<String, Object> action = new LinkedHashMap<>();
      action.put(
          "steps",
          List.of(
              step("slack", slackId, "SLACK_BLOCKS", fields),
              step("teams", teamsId, "TEAMS_MESSAGE_CARD", fields),
              step(
                  "discord", discordId, "DISCORD", Map.of("text", "**{data.hostname}** " + text))));
      Map<String, Object> subscription = new LinkedHashMap<>();
      subscription.put("eventTypes", List.of("tactical-rmm.alert"));
      subscription.put("sources", List.of(source.path("id").asText()));
      subscription.put("action", action);
      wiring.subscription(subscription);

      String message = "Disk space on C: is below 5%. " + "x".repeat(2500);
      Map<String, Object> alert =
          Map.of(
              "agent_id", "agent-42",
              "hostname", "ws-042",
              "alert_type", "diskspace",
              "severity", "error",
              "message", message);
      HttpResponse<String> accepted =
          ManagementClient.send(
              HttpRequest.newBuilder(URI.create(source.path("url").asText()))
                  .timeout(Duration.ofSeconds(30))
                  .header("X-TRMM-Token", source.path("secret").asText())
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(ActionWiring.json(alert)))
                  .build());
      assertEquals(202, accepted.statusCode(), accepted.body());

      List<RecordingServer.Recorded> delivered =
          discord.await(r -> true, 1, Duration.ofSeconds(60));
      JsonNode slackBody = ActionWiring.read(slack.requests().getFirst().bodyText());
      assertSlackMessage(slackBody);
      JsonNode teamsBody = ActionWiring.read(teams.requests().getFirst().bodyText());
      assertMessageCard(teamsBody);
      JsonNode discordBody = ActionWiring.read(delivered.getFirst().bodyText());
      assertDiscordMessage(discordBody);

      RecordingServer.Recorded refused = discord.refused().getFirst();
      Duration waited = Duration.between(refused.at(), delivered.getFirst().at());
      assertTrue(
          waited.compareTo(Duration.ofSeconds(RETRY_AFTER_SECONDS)) >= 0,
          "the retry came " + waited + " after the 429");
      assertEquals(1, slack.requests().size(), "Slack is not sent again");
      assertEquals(1, teams.requests().size(), "Teams is not sent again");
      assertEquals(1, discord.refused().size());
    }
  }

  private static Map<String, Object> step(
      String name, String destinationId, String preset, Map<String, Object> fields) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("name", name);
    step.put("destinationId", destinationId);
    step.put("preset", preset);
    step.put("fields", fields);
    // Short waits so the test does not sit through the service's default schedule.
    step.put("retrySchedule", List.of("0s", "200ms", "200ms"));
    return step;
  }

  /** Slack incoming webhooks: {@code text}, and blocks of known types within their limits. */
  private static void assertSlackMessage(JsonNode body) {
    assertTrue(body.path("text").isTextual() && !body.path("text").asText().isBlank());
    JsonNode blocks = body.path("blocks");
    assertTrue(blocks.isArray() && blocks.size() >= 1 && blocks.size() <= 50);
    JsonNode header = blocks.get(0);
    assertEquals("header", header.path("type").asText());
    assertEquals("plain_text", header.path("text").path("type").asText());
    assertEquals("ws-042: diskspace", header.path("text").path("text").asText());
    JsonNode section = blocks.get(1);
    assertEquals("section", section.path("type").asText());
    assertEquals("mrkdwn", section.path("text").path("type").asText());
    assertTrue(section.path("text").path("text").asText().length() <= 3000);
    assertTrue(section.path("text").path("text").asText().startsWith("Disk space on C:"));
  }

  /** An Office 365 connector card: type, context, a summary or text, a six-digit theme colour. */
  private static void assertMessageCard(JsonNode body) {
    assertEquals("MessageCard", body.path("@type").asText());
    assertTrue(body.path("@context").asText().endsWith("schema.org/extensions"));
    assertFalse(body.path("summary").asText().isBlank());
    assertEquals("ws-042: diskspace", body.path("title").asText());
    assertTrue(body.path("text").asText().startsWith("Disk space on C:"));
    assertTrue(body.path("themeColor").asText().matches("[0-9A-Fa-f]{6}"));
    assertEquals("D83B01", body.path("themeColor").asText());
  }

  /** Discord's execute-webhook body: content of at most 2,000 characters. */
  private static void assertDiscordMessage(JsonNode body) {
    String content = body.path("content").asText();
    assertFalse(content.isBlank());
    assertTrue(content.length() <= 2000, "Discord takes 2,000 characters, got " + content.length());
    assertTrue(content.startsWith("**ws-042** Disk space on C:"));
  }
}
