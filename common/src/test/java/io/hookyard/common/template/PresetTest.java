package io.hookyard.common.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresetTest {
  static final Map<String, String> FIELDS =
      Map.of(
          "title",
          "Disk \"C:\" full",
          "text",
          "Host *srv-1* <at> 98 %\nsecond line",
          "color",
          "#FF0000");

  @Test
  void slackTextAndBlocks() throws Exception {
    assertEquals(FIELDS.get("text"), reparse(Preset.SLACK).path("text").asText());
    JsonNode blocks = reparse(Preset.SLACK_BLOCKS);
    assertFalse(blocks.path("text").asText().isEmpty(), "the notification fallback");
    assertEquals("header", blocks.at("/blocks/0/type").asText());
    assertEquals("plain_text", blocks.at("/blocks/0/text/type").asText());
    assertEquals(FIELDS.get("title"), blocks.at("/blocks/0/text/text").asText());
    assertEquals("mrkdwn", blocks.at("/blocks/1/text/type").asText());
    assertEquals(FIELDS.get("text"), blocks.at("/blocks/1/text/text").asText());
  }

  @Test
  void teamsMessageCardAndAdaptiveCard() throws Exception {
    JsonNode card = reparse(Preset.TEAMS_MESSAGE_CARD);
    assertEquals("MessageCard", card.path("@type").asText());
    assertEquals("FF0000", card.path("themeColor").asText());
    assertEquals(FIELDS.get("title"), card.path("summary").asText());
    JsonNode message = reparse(Preset.TEAMS_ADAPTIVE_CARD);
    assertEquals("message", message.path("type").asText());
    JsonNode attachment = message.at("/attachments/0");
    assertEquals(
        "application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
    assertEquals("AdaptiveCard", attachment.at("/content/type").asText());
    assertEquals(FIELDS.get("text"), attachment.at("/content/body/1/text").asText());
  }

  @Test
  void discordContentAndEmbedWithinDiscordsLimits() throws Exception {
    assertEquals(FIELDS.get("text"), reparse(Preset.DISCORD).path("content").asText());
    JsonNode embed = reparse(Preset.DISCORD_EMBED).at("/embeds/0");
    assertEquals(0xFF0000, embed.path("color").asInt());
    assertEquals(FIELDS.get("title"), embed.path("title").asText());

    Map<String, String> longText = new HashMap<>(FIELDS);
    longText.put("text", "x".repeat(5000));
    assertEquals(2000, Preset.DISCORD.body(longText).path("content").asText().length());
    assertEquals(
        4096, Preset.DISCORD_EMBED.body(longText).at("/embeds/0/description").asText().length());
  }

  @Test
  void aBadColourFallsBackInsteadOfFailingTheSend() {
    Map<String, String> fields = new HashMap<>(FIELDS);
    fields.put("color", "red");
    assertEquals(0x0076D7, Preset.DISCORD_EMBED.body(fields).at("/embeds/0/color").asInt());
  }

  @Test
  void theDefaultFieldsRenderForAnyEvent() {
    TemplateEngine engine = new TemplateEngine(Clock.systemUTC());
    var withSubject =
        TemplateContext.of(
            Map.of("type", "tacticalrmm.alert", "subject", "srv-1"), null, null, "acme");
    var without = TemplateContext.of(Map.of("type", "github.push"), null, null, "acme");
    assertEquals(
        "tacticalrmm.alert on srv-1",
        engine.render(Preset.DEFAULT_FIELDS.get("text"), withSubject));
    assertEquals("github.push", engine.render(Preset.DEFAULT_FIELDS.get("text"), without));
  }

  @Test
  void theEventPresetsHaveNoFields() {
    assertFalse(Preset.CLOUDEVENT.usesFields());
    assertTrue(Preset.SLACK.usesFields());
    assertThrows(IllegalStateException.class, () -> Preset.RAW.body(FIELDS));
  }

  private static JsonNode reparse(Preset preset) throws Exception {
    ObjectMapper json = new ObjectMapper();
    return json.readTree(json.writeValueAsString(preset.body(FIELDS)));
  }
}
