package io.hookyard.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.hookyard.common.event.EventAttributes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * What a filter is evaluated against: one event and the previous state of its subject.
 *
 * <p>{@code envelope} holds the CloudEvents attributes a filter can name: {@code type}, {@code
 * source}, {@code subject}, {@code operation}, {@code vendor}, {@code time}, {@code id} (others are
 * kept but unreachable). Values are normalised once, here: temporals ({@link OffsetDateTime},
 * {@link ZonedDateTime}, {@link Date}) become {@link Instant}s, integers {@code Long}, other
 * numbers {@code Double} or {@code BigDecimal}, booleans stay, anything else (a {@code URI}, say)
 * becomes its string; null values are dropped.
 *
 * <p>{@code newData} is the event's data ({@code new/…} and bare paths); {@code oldData} is the
 * previous state of the same subject ({@code old/…}), null when there is none, as for a created
 * resource. A JSON null or missing node counts as absent and is stored as null. The nodes must not
 * be modified once the context is built; the record itself is immutable.
 */
public record FilterContext(Map<String, Object> envelope, JsonNode newData, JsonNode oldData) {

  public FilterContext {
    envelope = normalise(envelope);
    newData = absentAsNull(newData);
    oldData = absentAsNull(oldData);
  }

  /** An event with no previous state. */
  public static FilterContext of(Map<String, ?> envelope, JsonNode newData) {
    return new FilterContext(copy(envelope), newData, null);
  }

  /** An event and the previous state of its subject (null for none). */
  public static FilterContext of(Map<String, ?> envelope, JsonNode newData, JsonNode oldData) {
    return new FilterContext(copy(envelope), newData, oldData);
  }

  /**
   * The envelope attributes a filter can name, read from a CloudEvent: {@code type}, {@code
   * source}, {@code subject}, {@code time}, {@code id} and the extensions {@code operation} and
   * {@code vendor}. Absent ones are left out.
   */
  public static Map<String, Object> envelope(CloudEvent event) {
    Map<String, Object> envelope = new HashMap<>();
    envelope.put("type", event.getType());
    envelope.put("id", event.getId());
    envelope.put("source", event.getSource());
    envelope.put("subject", event.getSubject());
    envelope.put("time", event.getTime());
    envelope.put("operation", event.getExtension(EventAttributes.OPERATION));
    envelope.put("vendor", event.getExtension(EventAttributes.VENDOR));
    return envelope;
  }

  /** Whether there is a previous state to compare with. */
  public boolean hasOldState() {
    return oldData != null;
  }

  private static Map<String, Object> copy(Map<String, ?> envelope) {
    return envelope == null ? Map.of() : new HashMap<>(envelope);
  }

  private static JsonNode absentAsNull(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }

  private static Map<String, Object> normalise(Map<String, Object> envelope) {
    if (envelope == null || envelope.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> out = new HashMap<>(envelope.size() * 2);
    for (Map.Entry<String, Object> e : envelope.entrySet()) {
      Object v = normaliseValue(e.getValue());
      if (e.getKey() != null && v != null) {
        out.put(e.getKey(), v);
      }
    }
    return Map.copyOf(out);
  }

  private static Object normaliseValue(Object v) {
    return switch (v) {
      case null -> null;
      case String s -> s;
      case Boolean b -> b;
      case Long l -> l;
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Byte b -> (long) b;
      case BigInteger i -> i.bitLength() < 64 ? (Object) i.longValue() : new BigDecimal(i);
      case BigDecimal d -> d;
      case Double d -> d;
      case Float f -> (double) f;
      case Instant i -> i;
      case OffsetDateTime t -> t.toInstant();
      case ZonedDateTime t -> t.toInstant();
      case Date d -> d.toInstant();
      case JsonNode n -> jsonValue(n);
      default -> v.toString();
    };
  }

  private static Object jsonValue(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return normaliseValue(n.numberValue());
    }
    return n;
  }
}
