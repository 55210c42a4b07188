package io.hookyard.common.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The helpers templates may call on any value: {@code json}, {@code xml}, {@code base64}, {@code
 * urlencode}, {@code upper}, {@code lower}, {@code join(sep)}, {@code format(pattern[, zone])} and
 * {@code default(value)}; and the {@code fn:} namespace: {@code fn:uuid}, {@code fn:now} and {@code
 * fn:now(pattern)}. Qute's own {@code or} and {@code ?:} work too.
 */
final class TemplateHelpers {
  static final ObjectMapper JSON = new ObjectMapper();

  private TemplateHelpers() {}

  static List<ValueResolver> valueResolvers() {
    List<ValueResolver> resolvers = new ArrayList<>();
    resolvers.add(plain("json", TemplateHelpers::json));
    resolvers.add(plain("xml", value -> xml(text(value))));
    resolvers.add(
        plain(
            "base64",
            value ->
                Base64.getEncoder().encodeToString(text(value).getBytes(StandardCharsets.UTF_8))));
    resolvers.add(
        plain("urlencode", value -> URLEncoder.encode(text(value), StandardCharsets.UTF_8)));
    resolvers.add(plain("upper", value -> text(value).toUpperCase(Locale.ROOT)));
    resolvers.add(plain("lower", value -> text(value).toLowerCase(Locale.ROOT)));
    resolvers.add(withParameters("join", 1, TemplateHelpers::join));
    resolvers.add(plain("entries", TemplateHelpers::entries));
    resolvers.add(withParameters("format", 1, TemplateHelpers::format));
    resolvers.add(withParameters("format", 2, TemplateHelpers::format));
    resolvers.add(new DefaultValue());
    return resolvers;
  }

  static NamespaceResolver functions(Clock clock) {
    return NamespaceResolver.builder("fn")
        .resolveAsync(
            context ->
                switch (context.getName()) {
                  case "uuid" -> CompletableFuture.completedFuture(UUID.randomUUID().toString());
                  case "now" ->
                      context.getParams().isEmpty()
                          ? CompletableFuture.completedFuture(clock.instant().toString())
                          : context
                              .evaluate(context.getParams().getFirst())
                              .thenApply(
                                  pattern ->
                                      DateTimeFormatter.ofPattern(text(pattern), Locale.ROOT)
                                          .format(clock.instant().atOffset(ZoneOffset.UTC)));
                  default -> CompletableFuture.completedFuture(Results.NotFound.from(context));
                })
        .build();
  }

  private static ValueResolver plain(String name, Function<Object, Object> helper) {
    // appliesTo replaces the builder's name and parameter checks, so it makes all of them.
    return ValueResolver.builder()
        .appliesTo(context -> applies(context, name, 0))
        .resolveSync(context -> helper.apply(context.getBase()))
        .build();
  }

  private static boolean applies(EvalContext context, String name, int parameters) {
    return context.getName().equals(name)
        && context.getParams().size() == parameters
        && context.getBase() != null
        && !Results.isNotFound(context.getBase());
  }

  private interface WithParameters {
    CompletionStage<Object> apply(Object base, List<Object> parameters);
  }

  private static ValueResolver withParameters(String name, int count, WithParameters helper) {
    return ValueResolver.builder()
        .appliesTo(context -> applies(context, name, count))
        .resolveAsync(
            context -> {
              List<CompletableFuture<Object>> values = new ArrayList<>();
              context
                  .getParams()
                  .forEach(p -> values.add(context.evaluate(p).toCompletableFuture()));
              return CompletableFuture.allOf(values.toArray(CompletableFuture[]::new))
                  .thenCompose(
                      done ->
                          helper.apply(
                              context.getBase(),
                              values.stream().map(CompletableFuture::join).toList()));
            })
        .build();
  }

  /** {@code x.default('y')}: y when x is missing, null or empty text. */
  private static final class DefaultValue implements ValueResolver {
    @Override
    public boolean appliesTo(EvalContext context) {
      return context.getName().equals("default") && context.getParams().size() == 1;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
      Object base = context.getBase();
      boolean absent =
          base == null
              || Results.isNotFound(base)
              || (base instanceof String text && text.isEmpty())
              || (base instanceof JsonNode node && node.isNull());
      return absent
          ? context.evaluate(context.getParams().getFirst())
          : CompletableFuture.completedFuture(base);
    }
  }

  /** The value as JSON: text quoted and escaped, JSON as it is, numbers and booleans plain. */
  /**
   * The members of a JSON object as key/value entries, in the object's order, so that templates can
   * list a map such as HPE's server tags ({@code {#for t in data.tags.entries}}). Anything but an
   * object has no entries.
   */
  static List<Map.Entry<String, Object>> entries(Object value) {
    List<Map.Entry<String, Object>> entries = new ArrayList<>();
    if (value instanceof JsonNode node && node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> entries.add(Map.entry(field.getKey(), JsonValues.unwrap(field.getValue()))));
    }
    return entries;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A value that cannot be written as JSON", e);
    }
  }

  static String xml(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  static String text(Object value) {
    return value instanceof JsonNode node && node.isValueNode()
        ? node.asText()
        : String.valueOf(value);
  }

  private static CompletionStage<Object> join(Object base, List<Object> parameters) {
    String separator = text(parameters.getFirst());
    List<String> parts = new ArrayList<>();
    if (base instanceof JsonNode node && node.isArray()) {
      node.forEach(element -> parts.add(text(JsonValues.unwrap(element))));
    } else if (base instanceof Iterable<?> iterable) {
      iterable.forEach(element -> parts.add(text(element)));
    } else {
      parts.add(text(base));
    }
    return CompletableFuture.completedFuture(String.join(separator, parts));
  }

  /** Formats an ISO-8601 date-time, an Instant or epoch seconds, in UTC or the given zone. */
  private static CompletionStage<Object> format(Object base, List<Object> parameters) {
    ZoneId zone = parameters.size() > 1 ? ZoneId.of(text(parameters.get(1))) : ZoneOffset.UTC;
    DateTimeFormatter formatter = DateTimeFormatter.ofPattern(text(parameters.getFirst()));
    return CompletableFuture.completedFuture(formatter.format(instant(base).atZone(zone)));
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Number seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    String text = text(value);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time");
    }
  }
}
