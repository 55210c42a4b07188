package io.hookyard.delivery.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the delivery log: the last delivery of a page, by creation time and id. The log is
 * ordered by both, newest first, so the next page is every delivery below that pair; a page stays
 * the same whatever arrives meanwhile. Handed out as opaque base64url text, so clients do not build
 * cursors of their own and the encoding can change.
 */
record LogCursor(Instant createdAt, String id) {
  private static final String VERSION = "1";

  String encode() {
    String plain = VERSION + "|" + createdAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<LogCursor> decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", 3);
      if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new LogCursor(Instant.parse(parts[1]), parts[2]));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
