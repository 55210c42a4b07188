package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A few fields of a JSON document, read in one streaming pass that still checks the whole document
 * is valid JSON (syntax, UTF-8, nothing after the value), without building a tree of it. Adapters
 * that need three fields of a 2 KB payload should not pay for its two hundred nodes.
 *
 * <p>The fields are named by JSON Pointers, as {@link JsonBodies#text} takes them; a numeric
 * segment names an array element or a member of that name. Subtrees no pointer leads into are
 * skipped by the parser, which validates them all the same. Where a member appears twice, the last
 * one counts, as in a tree.
 */
public final class JsonFields {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** What was found at a pointer. */
  private enum Kind {
    ABSENT,
    NULL,
    STRING,
    NUMBER,
    BOOLEAN,
    OBJECT,
    ARRAY
  }

  private final Map<String, Integer> slots;
  private final Kind[] kinds;
  private final String[] texts;

  private JsonFields(Map<String, Integer> slots) {
    this.slots = slots;
    this.kinds = new Kind[slots.size()];
    this.texts = new String[slots.size()];
    Arrays.fill(kinds, Kind.ABSENT);
  }

  /** The fields to read, compiled once (an adapter keeps it in a constant). */
  public static Selection select(String... pointers) {
    return new Selection(pointers);
  }

  /** A compiled set of JSON Pointers. */
  public static final class Selection {
    private final Map<String, Integer> slots = new HashMap<>();
    private final Node root = new Node();

    private Selection(String... pointers) {
      for (String pointer : pointers) {
        Integer known = slots.get(pointer);
        if (known == null) {
          slots.put(pointer, slots.size());
          root.add(pointer, slots.size() - 1);
        }
      }
    }

    /**
     * Reads the selected values and validates the rest.
     *
     * @throws IOException when the bytes are not one valid JSON value (Jackson's parse exceptions
     *     carry the location)
     */
    JsonFields read(byte[] body) throws IOException {
      JsonFields fields = new JsonFields(slots);
      try (JsonParser parser = FACTORY.createParser(body)) {
        JsonToken first = parser.nextToken();
        if (first == null) {
          throw new JsonParseException(parser, "No JSON value");
        }
        fields.scan(parser, first, root);
        if (parser.nextToken() != null) {
          throw new JsonParseException(parser, "Unexpected content after the JSON value");
        }
      }
      return fields;
    }
  }

  /** The scalar at {@code pointer} as text; null when absent, null or not a scalar. */
  public String text(String pointer) {
    int slot = slot(pointer);
    return texts[slot];
  }

  /** The string at {@code pointer}; null when absent or not a string. */
  public String string(String pointer) {
    int slot = slot(pointer);
    return kinds[slot] == Kind.STRING ? texts[slot] : null;
  }

  /** True when the document has anything, even null, at {@code pointer}. */
  public boolean has(String pointer) {
    return kinds[slot(pointer)] != Kind.ABSENT;
  }

  /** True when {@code pointer} names an object. */
  public boolean isObject(String pointer) {
    return kinds[slot(pointer)] == Kind.OBJECT;
  }

  /** True when {@code pointer} names an array. */
  public boolean isArray(String pointer) {
    return kinds[slot(pointer)] == Kind.ARRAY;
  }

  /**
   * The value at {@code pointer} as an int, from a number or a numeric string; {@code fallback}
   * otherwise.
   */
  public int intValue(String pointer, int fallback) {
    String text = text(pointer);
    if (text == null || kinds[slot(pointer)] == Kind.BOOLEAN) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private int slot(String pointer) {
    Integer slot = slots.get(pointer);
    if (slot == null) {
      throw new IllegalArgumentException(pointer + " was not asked for when the body was read");
    }
    return slot;
  }

  private void scan(JsonParser parser, JsonToken token, Node node) throws IOException {
    if (node == null) {
      parser.skipChildren();
      return;
    }
    for (int slot : node.slots) {
      record(slot, parser, token);
    }
    if (token == JsonToken.START_OBJECT) {
      for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; ) {
        String name = parser.currentName();
        scan(parser, parser.nextToken(), node.members.get(name));
        next = parser.nextToken();
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; ) {
        scan(parser, next, node.members.get(Integer.toString(index++)));
        next = parser.nextToken();
      }
    }
  }

  private void record(int slot, JsonParser parser, JsonToken token) throws IOException {
    Kind kind =
        switch (token) {
          case START_OBJECT -> Kind.OBJECT;
          case START_ARRAY -> Kind.ARRAY;
          case VALUE_STRING -> Kind.STRING;
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Kind.NUMBER;
          case VALUE_TRUE, VALUE_FALSE -> Kind.BOOLEAN;
          default -> Kind.NULL;
        };
    kinds[slot] = kind;
    texts[slot] =
        kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.BOOLEAN
            ? parser.getText()
            : null;
  }

  /** One step of the pointers asked for: the slots that end here and the steps that go on. */
  private static final class Node {
    final Map<String, Node> members = new HashMap<>();
    int[] slots = new int[0];

    void add(String pointer, int slot) {
      if (pointer.isEmpty()) {
        slots = Arrays.copyOf(slots, slots.length + 1);
        slots[slots.length - 1] = slot;
        return;
      }
      if (pointer.charAt(0) != '/') {
        throw new IllegalArgumentException("Not a JSON Pointer: " + pointer);
      }
      int end = pointer.indexOf('/', 1);
      String segment = pointer.substring(1, end < 0 ? pointer.length() : end);
      String unescaped = segment.replace("~1", "/").replace("~0", "~");
      members
          .computeIfAbsent(unescaped, key -> new Node())
          .add(end < 0 ? "" : pointer.substring(end), slot);
    }
  }
}
