package io.hookyard.common.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Ready-made message shapes, so that a user writes a title and a text (templates themselves) and no
 * JSON. Each builds its body with a JSON writer, so whatever the texts hold, the body is valid and
 * matches the platform's documented schema. {@code CLOUDEVENT} and {@code RAW} need no fields: they
 * send the event's envelope or the vendor's original body as they are.
 */
public enum Preset {
  /** Slack incoming webhook, plain text. */
  SLACK,
  /** Slack incoming webhook with a header block and a Markdown section; text is the fallback. */
  SLACK_BLOCKS,
  /** Microsoft Teams connector MessageCard. */
  TEAMS_MESSAGE_CARD,
  /** Microsoft Teams through a Workflows webhook: a message with one Adaptive Card attachment. */
  TEAMS_ADAPTIVE_CARD,
  /** Discord webhook, plain content. */
  DISCORD,
  /** Discord webhook with one embed (title, description, colour). */
  DISCORD_EMBED,
  /** The event's CloudEvent, as structured JSON. */
  CLOUDEVENT,
  /** The vendor's original body, relayed as it came. */
  RAW,
  /**
   * An e-mail (only on an e-mail step): the title is the subject, and an HTML part and a text part
   * are laid out from the title, the text and the colour.
   */
  EMAIL;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int DISCORD_CONTENT_LIMIT = 2000;
  private static final int DISCORD_TITLE_LIMIT = 256;
  private static final int DISCORD_DESCRIPTION_LIMIT = 4096;

  /** The field templates used when a subscription gives none. */
  public static final Map<String, String> DEFAULT_FIELDS =
      Map.of(
          "title", "{event.type}",
          "text", "{event.type}{#if event.subject??} on {event.subject}{/if}",
          "color", "#0076D7");

  /** Whether the preset is built from rendered fields, or sends the event as it is. */
  public boolean usesFields() {
    return this != CLOUDEVENT && this != RAW;
  }

  /**
   * The body for the rendered fields {@code title}, {@code text} and {@code color} (a hex colour;
   * only the platforms that have one use it).
   */
  public ObjectNode body(Map<String, String> fields) {
    String title = fields.getOrDefault("title", "");
    String text = fields.getOrDefault("text", "");
    String color = fields.getOrDefault("color", DEFAULT_FIELDS.get("color"));
    return switch (this) {
      case SLACK -> JSON.objectNode().put("text", text);
      case SLACK_BLOCKS -> slackBlocks(title, text);
      case TEAMS_MESSAGE_CARD -> messageCard(title, text, color);
      case TEAMS_ADAPTIVE_CARD -> adaptiveCard(title, text);
      case DISCORD -> JSON.objectNode().put("content", cut(text, DISCORD_CONTENT_LIMIT));
      case DISCORD_EMBED -> discordEmbed(title, text, color);
      case CLOUDEVENT, RAW ->
          throw new IllegalStateException(this + " sends the event as it is, not fields");
      case EMAIL -> throw new IllegalStateException("EMAIL makes an e-mail, not a request body");
    };
  }

  /** The subject and the two parts of an e-mail made by {@link #EMAIL}. */
  public record MailParts(String subject, String html, String text) {}

  /**
   * The e-mail for the rendered fields: the title as subject (on one line), an HTML part with the
   * title as a heading in the colour and the text as paragraphs, all escaped, and the same as plain
   * text.
   */
  public static MailParts mail(Map<String, String> fields) {
    String title = fields.getOrDefault("title", "");
    String text = fields.getOrDefault("text", "");
    String color = fields.getOrDefault("color", DEFAULT_FIELDS.get("color"));
    String subject = cut(title.isBlank() ? text : title, 200).replaceAll("[\\r\\n]+", " ").strip();
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n");
    if (!title.isEmpty()) {
      html.append("<h2 style=\"border-left:6px solid #")
          .append(String.format("%06X", rgb(color)))
          .append(";padding-left:8px\">")
          .append(escapeHtml(title))
          .append("</h2>\n");
    }
    for (String paragraph : text.split("\\R\\R+")) {
      html.append("<p>").append(escapeHtml(paragraph).replaceAll("\\R", "<br>\n")).append("</p>\n");
    }
    html.append("</body></html>\n");
    String plain = title.isEmpty() ? text : title + "\n\n" + text;
    return new MailParts(subject, html.toString(), plain);
  }

  private static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static ObjectNode slackBlocks(String title, String text) {
    ObjectNode body = JSON.objectNode().put("text", title.isEmpty() ? text : title + ": " + text);
    ArrayNode blocks = body.putArray("blocks");
    if (!title.isEmpty()) {
      ObjectNode header = blocks.addObject().put("type", "header");
      // Slack caps header text at 150 characters.
      header.putObject("text").put("type", "plain_text").put("text", cut(title, 150));
    }
    ObjectNode section = blocks.addObject().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", cut(text, 3000));
    return body;
  }

  private static ObjectNode messageCard(String title, String text, String color) {
    return JSON.objectNode()
        .put("@type", "MessageCard")
        .put("@context", "https://schema.org/extensions")
        .put("summary", title.isEmpty() ? cut(text, 80) : title)
        .put("themeColor", String.format("%06X", rgb(color)))
        .put("title", title)
        .put("text", text);
  }

  private static ObjectNode adaptiveCard(String title, String text) {
    ObjectNode message = JSON.objectNode().put("type", "message");
    ObjectNode attachment =
        message
            .putArray("attachments")
            .addObject()
            .put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card =
        attachment
            .putObject("content")
            .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
            .put("type", "AdaptiveCard")
            .put("version", "1.4");
    ArrayNode body = card.putArray("body");
    if (!title.isEmpty()) {
      body.addObject()
          .put("type", "TextBlock")
          .put("text", title)
          .put("weight", "Bolder")
          .put("size", "Medium")
          .put("wrap", true);
    }
    body.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
    return message;
  }

  private static ObjectNode discordEmbed(String title, String text, String color) {
    ObjectNode body = JSON.objectNode();
    ObjectNode embed = body.putArray("embeds").addObject();
    if (!title.isEmpty()) {
      embed.put("title", cut(title, DISCORD_TITLE_LIMIT));
    }
    embed.put("description", cut(text, DISCORD_DESCRIPTION_LIMIT));
    embed.put("color", rgb(color));
    return body;
  }

  /** A {@code #RRGGBB} colour as a number; anything else is the default blue. */
  private static int rgb(String color) {
    String hex = color.startsWith("#") ? color.substring(1) : color;
    return hex.matches("[0-9a-fA-F]{6}") ? Integer.parseInt(hex, 16) : 0x0076D7;
  }

  /** Platforms refuse over-long texts outright; a cut message still arrives. */
  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
