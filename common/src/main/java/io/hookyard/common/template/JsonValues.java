package io.hookyard.common.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets templates walk JSON: {@code data.host.name} reads an object member, {@code data.items.0} an
 * array element, and {@code size}, {@code first} and {@code last} work on arrays. A leaf comes out
 * as a Java string, number or boolean, so it prints plainly; an object or array prints as JSON. A
 * member the JSON does not have is "not found", which strict rendering reports as an error.
 */
final class JsonValues implements ValueResolver {

  @Override
  public boolean appliesTo(EvalContext context) {
    return context.getBase() instanceof JsonNode && context.getParams().isEmpty();
  }

  @Override
  public CompletionStage<Object> resolve(EvalContext context) {
    JsonNode base = (JsonNode) context.getBase();
    String name = context.getName();
    JsonNode value = member(base, name);
    if (value == null) {
      return CompletableFuture.completedFuture(Results.NotFound.from(context));
    }
    return CompletableFuture.completedFuture(unwrap(value));
  }

  private static JsonNode member(JsonNode base, String name) {
    if (base.isObject()) {
      return base.get(name);
    }
    if (!base.isArray()) {
      return null;
    }
    return switch (name) {
      case "size", "length" -> JsonNodeFactory.instance.numberNode(base.size());
      case "first" -> base.isEmpty() ? null : base.get(0);
      case "last" -> base.isEmpty() ? null : base.get(base.size() - 1);
      case "isEmpty" -> JsonNodeFactory.instance.booleanNode(base.isEmpty());
      default -> index(name) < 0 ? null : base.get(index(name));
    };
  }

  private static int index(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** JSON leaves as Java values; containers stay JSON, so they can be walked further. */
  static Object unwrap(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isNull()) {
      return null;
    }
    return value;
  }

  /**
   * Which members differ between two snapshots: a tree shaped like the union of both, with true at
   * every leaf whose value differs (deeply) and false where it is the same. With no previous
   * snapshot nothing has changed yet, as in filters.
   */
  static JsonNode changes(JsonNode old, JsonNode current) {
    if (old == null || current == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    return diff(old, current);
  }

  private static JsonNode diff(JsonNode old, JsonNode current) {
    if (old == null || current == null || !old.isObject() || !current.isObject()) {
      return JsonNodeFactory.instance.booleanNode(!sameValue(old, current));
    }
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    for (Iterator<String> names = current.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      tree.set(name, diff(old.get(name), current.get(name)));
    }
    for (Iterator<String> names = old.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!tree.has(name)) {
        tree.set(name, diff(old.get(name), current.get(name)));
      }
    }
    return tree;
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull();
    boolean bNull = b == null || b.isNull();
    if (aNull || bNull) {
      return aNull && bNull;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
