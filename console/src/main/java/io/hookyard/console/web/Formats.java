package io.hookyard.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times, enum names and sizes: {@code fmt:utc(...)} and friends. */
@TemplateExtension(namespace = "fmt")
public final class Formats {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final com.fasterxml.jackson.databind.ObjectMapper PRETTY =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  private Formats() {}

  /** A time in UTC to the second, or a dash. */
  public static String utc(Instant time) {
    return time == null ? "—" : UTC.format(time);
  }

  /** The value of a {@code datetime-local} input (UTC), or empty. */
  public static String input(Instant time) {
    return time == null ? "" : INPUT.format(time);
  }

  /** How long ago, in the largest whole unit. */
  public static String ago(Instant time) {
    if (time == null) {
      return "never";
    }
    Duration age = Duration.between(time, Instant.now());
    if (age.isNegative() || age.toSeconds() < 60) {
      return "just now";
    }
    if (age.toMinutes() < 60) {
      return age.toMinutes() + " min ago";
    }
    if (age.toHours() < 48) {
      return age.toHours() + " h ago";
    }
    return age.toDays() + " days ago";
  }

  /** {@code SCHEDULE_EXHAUSTED} as "Schedule exhausted". */
  public static String label(String name) {
    if (name == null || name.isEmpty()) {
      return "—";
    }
    String words = name.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A CSS class name for a status or verdict: {@code FAILING} as {@code failing}. */
  public static String css(String name) {
    return name == null ? "none" : name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A body as sent or received: indented when it is JSON, as it is otherwise. */
  public static String body(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String trimmed = text.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return text;
    }
    try {
      return PRETTY.writeValueAsString(PRETTY.readTree(trimmed));
    } catch (java.io.IOException notJson) {
      return text;
    }
  }

  public static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
