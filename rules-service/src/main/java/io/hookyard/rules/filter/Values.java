package io.hookyard.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookyard.rules.filter.Ast.CompareOp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The value semantics of the filter language: comparison with null and type mismatches, numeric and
 * date-time comparison, deep equality. Nothing here throws on any input, and the common paths
 * (strings, booleans, integers) allocate nothing.
 *
 * <p>A value is null (JSON null or missing), a {@link String}, a {@link Boolean}, a number (a
 * {@link Number} or a numeric {@link JsonNode}), an {@link Instant}, or a JSON object or array.
 */
final class Values {
  /** The two sides cannot be ordered: different types, or NaN. */
  private static final int INCOMPARABLE = Integer.MIN_VALUE;

  /** How deep {@link #sameJson} descends before it calls two documents different. */
  private static final int MAX_JSON_DEPTH = 1_000;

  private Values() {}

  /** Turns JSON scalars into Java values: text to String, boolean to Boolean, null to null. */
  static Object scalar(Object value) {
    if (value instanceof JsonNode node) {
      return switch (node.getNodeType()) {
        case STRING -> node.textValue();
        case BOOLEAN -> node.booleanValue() ? Boolean.TRUE : Boolean.FALSE;
        case NULL, MISSING -> null;
        default -> node;
      };
    }
    return value;
  }

  /** The string a value is, or null when it is not a string. */
  static String string(Object value) {
    Object v = scalar(value);
    return v instanceof String s ? s : null;
  }

  static boolean isTrue(Object value) {
    return scalar(value) == Boolean.TRUE;
  }

  /**
   * {@code a op b}. null eq null is true; null against anything else is unequal and unordered.
   * Values of different types are unequal and unordered. {@code ne} is always {@code not eq}.
   */
  static boolean compare(CompareOp op, Object left, Object right) {
    Object a = scalar(left);
    Object b = scalar(right);
    boolean ordered = true;
    int c;
    if (a == null || b == null) {
      c = a == b ? 0 : INCOMPARABLE;
      ordered = false;
    } else if (a instanceof String sa && b instanceof String sb) {
      if (op == CompareOp.EQ || op == CompareOp.NE) {
        c = sa.equals(sb) ? 0 : 1;
      } else {
        c = sa.compareTo(sb);
      }
    } else if (a instanceof Boolean ba && b instanceof Boolean bb) {
      c = ba.booleanValue() == bb.booleanValue() ? 0 : 1;
      ordered = false;
    } else if (isNumber(a) && isNumber(b)) {
      c = compareNumbers(a, b);
    } else if (a instanceof Instant || b instanceof Instant) {
      c = compareInstants(a, b);
    } else if (a instanceof JsonNode na && b instanceof JsonNode nb && na.isContainerNode()) {
      c = sameJson(na, nb, 0) ? 0 : 1;
      ordered = false;
    } else {
      c = INCOMPARABLE;
    }
    if (op == CompareOp.EQ) {
      return c == 0;
    }
    if (op == CompareOp.NE) {
      return c != 0;
    }
    if (!ordered || c == INCOMPARABLE) {
      return false;
    }
    return switch (op) {
      case GT -> c > 0;
      case GE -> c >= 0;
      case LT -> c < 0;
      default -> c <= 0;
    };
  }

  // ---- numbers ----

  static boolean isNumber(Object v) {
    return v instanceof Number || (v instanceof JsonNode n && n.isNumber());
  }

  private static boolean isIntegral(Object v) {
    return switch (v) {
      case Long l -> true;
      case Integer i -> true;
      case JsonNode n -> n.isIntegralNumber() && n.canConvertToLong();
      default -> false;
    };
  }

  private static long longOf(Object v) {
    return v instanceof JsonNode n ? n.longValue() : ((Number) v).longValue();
  }

  private static boolean isBig(Object v) {
    return v instanceof BigDecimal
        || v instanceof BigInteger
        || (v instanceof JsonNode n && (n.isBigDecimal() || n.isBigInteger()));
  }

  private static double doubleOf(Object v) {
    return v instanceof JsonNode n ? n.doubleValue() : ((Number) v).doubleValue();
  }

  private static BigDecimal bigOf(Object v) {
    return switch (v) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case JsonNode n when n.isIntegralNumber() -> new BigDecimal(n.bigIntegerValue());
      case JsonNode n when n.isBigDecimal() -> n.decimalValue();
      default -> BigDecimal.valueOf(doubleOf(v));
    };
  }

  static int compareNumbers(Object a, Object b) {
    if (isIntegral(a) && isIntegral(b)) {
      return Long.compare(longOf(a), longOf(b));
    }
    double da = doubleOf(a);
    double db = doubleOf(b);
    boolean bigA = isBig(a);
    boolean bigB = isBig(b);
    if (!bigA && !bigB) {
      if (Double.isNaN(da) || Double.isNaN(db)) {
        return INCOMPARABLE;
      }
      return da < db ? -1 : (da > db ? 1 : 0);
    }
    // Exact comparison; a plain double that is NaN or infinite has no BigDecimal form.
    if (!bigA && !Double.isFinite(da)) {
      return Double.isNaN(da) ? INCOMPARABLE : (da > 0 ? 1 : -1);
    }
    if (!bigB && !Double.isFinite(db)) {
      return Double.isNaN(db) ? INCOMPARABLE : (db > 0 ? -1 : 1);
    }
    return Integer.signum(bigOf(a).compareTo(bigOf(b)));
  }

  // ---- date-times ----

  private static int compareInstants(Object a, Object b) {
    Instant ia = instant(a);
    Instant ib = instant(b);
    if (ia == null || ib == null) {
      return INCOMPARABLE;
    }
    return ia.compareTo(ib);
  }

  /** An Instant as itself, a string as the instant it spells (with an offset), else null. */
  private static Instant instant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof String s && looksLikeDateTime(s)) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  // The shortest ISO-8601 instant with an offset is 2026-11-22T10:00Z (17 characters).
  private static boolean looksLikeDateTime(String s) {
    return s.length() >= 17
        && s.length() <= 64
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && (s.charAt(10) == 'T' || s.charAt(10) == 't');
  }

  // ---- deep equality ----

  /**
   * Whether two JSON values are the same: numbers compare by value (1 and 1.0 are the same), an
   * absent member and a JSON null are the same, objects ignore member order, arrays do not.
   */
  static boolean sameJson(JsonNode a, JsonNode b, int depth) {
    boolean aNull = a == null || a.isNull() || a.isMissingNode();
    boolean bNull = b == null || b.isNull() || b.isMissingNode();
    if (aNull || bNull) {
      return aNull && bNull;
    }
    if (depth > MAX_JSON_DEPTH) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return compareNumbers(a, b) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    switch (a.getNodeType()) {
      case STRING:
        return a.textValue().equals(b.textValue());
      case BOOLEAN:
        return a.booleanValue() == b.booleanValue();
      case ARRAY:
        if (a.size() != b.size()) {
          return false;
        }
        for (int i = 0; i < a.size(); i++) {
          if (!sameJson(a.get(i), b.get(i), depth + 1)) {
            return false;
          }
        }
        return true;
      case OBJECT:
        for (Map.Entry<String, JsonNode> e : a.properties()) {
          if (!sameJson(e.getValue(), b.get(e.getKey()), depth + 1)) {
            return false;
          }
        }
        for (Map.Entry<String, JsonNode> e : b.properties()) {
          if (!a.has(e.getKey()) && !e.getValue().isNull()) {
            return false;
          }
        }
        return true;
      default:
        return a.equals(b);
    }
  }

  // ---- rendering, for explanations ----

  /** A short rendering of a value, such as {@code 'OFF'}, {@code 42} or {@code an object}. */
  static String describe(Object value) {
    Object v = scalar(value);
    return switch (v) {
      case null -> "null or missing";
      case String s -> "'" + Token.abbreviate(s.replace("'", "''")) + "'";
      case Boolean b -> b.toString();
      case Instant i -> i.toString();
      case JsonNode n when n.isNumber() -> n.asText();
      case JsonNode n when n.isObject() -> "an object";
      case JsonNode n when n.isArray() ->
          n.isEmpty() ? "an empty array" : "an array of " + n.size() + " elements";
      case JsonNode n -> "a JSON " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
      case BigDecimal d -> d.toPlainString();
      default -> v.toString();
    };
  }
}
