package io.hookyard.common.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.hookyard.common.event.EventAttributes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a template sees: {@code event} (the envelope's attributes and extensions), {@code data},
 * {@code old}, {@code changed}, {@code steps.<name>.response} ({@code status}, {@code headers},
 * {@code body}), {@code tenant} and {@code credentials.<name>.<field>}. Previews pass masked
 * credentials; only the real send passes the values.
 */
public final class TemplateContext {
  private final Map<String, Object> variables = new LinkedHashMap<>();
  private final Map<String, Object> steps = new LinkedHashMap<>();

  private TemplateContext(Map<String, Object> event, JsonNode data, JsonNode old, String tenant) {
    variables.put("event", event);
    variables.put("data", data);
    variables.put("old", old);
    variables.put("changed", JsonValues.changes(old, data));
    variables.put("tenant", tenant);
    variables.put("steps", steps);
    variables.put("credentials", Map.of());
  }

  /**
   * The context of one event as it travels between the services: its data when that is JSON, and
   * the subject's previous data from the {@code previousdata} extension when it carries one.
   */
  public static TemplateContext of(CloudEvent event) {
    return of(
        event, json(event.getData() == null ? null : event.getData().toBytes()), previous(event));
  }

  /** The context of one event, with its subject's previous data when there is one. */
  public static TemplateContext of(CloudEvent event, JsonNode data, JsonNode old) {
    Object tenant = event.getExtension("tenant");
    return new TemplateContext(
        envelope(event), data, old, tenant == null ? null : tenant.toString());
  }

  /** The context of an event given as plain values, for tests and previews of samples. */
  public static TemplateContext of(
      Map<String, Object> event, JsonNode data, JsonNode old, String tenant) {
    return new TemplateContext(Map.copyOf(event), data, old, tenant);
  }

  /** Adds the response of an earlier step; {@code body} is parsed JSON or text. */
  public TemplateContext withStep(
      String name, int status, Map<String, String> headers, Object body) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", status);
    response.put("headers", Map.copyOf(headers));
    response.put("body", body);
    steps.put(name, Map.of("response", response));
    return this;
  }

  /** The credentials templates may use, by name, each a map of its fields. */
  public TemplateContext withCredentials(Map<String, Map<String, String>> credentials) {
    // Not copied: previews pass a map that answers every name with a mask.
    variables.put("credentials", java.util.Collections.unmodifiableMap(credentials));
    return this;
  }

  /** Why the event took the error route: the failed step (if any) and the reason. */
  public TemplateContext withError(String step, String reason) {
    return withError(step, reason, null);
  }

  /**
   * Why the event took the error route, with the failed step's last response ({@code status},
   * {@code headers}, {@code body}) as {@code error.response} when it got one.
   */
  public TemplateContext withError(String step, String reason, Map<String, Object> response) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("step", step == null ? "" : step);
    error.put("reason", reason);
    if (response != null) {
      error.put("response", response);
    }
    variables.put("error", error);
    return this;
  }

  Map<String, Object> variables() {
    return variables;
  }

  private static JsonNode previous(CloudEvent event) {
    Object previous = event.getExtension(EventAttributes.PREVIOUS_DATA);
    return previous == null ? null : json(previous.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** JSON, or null for bytes that are not JSON (templates then see no data). */
  private static JsonNode json(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      JsonNode node = TemplateHelpers.JSON.readTree(bytes);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  private static Map<String, Object> envelope(CloudEvent event) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", event.getId());
    envelope.put("type", event.getType());
    envelope.put("source", event.getSource().toString());
    if (event.getSubject() != null) {
      envelope.put("subject", event.getSubject());
    }
    if (event.getTime() != null) {
      envelope.put("time", event.getTime().toString());
    }
    for (String name : event.getExtensionNames()) {
      if (!name.equals(EventAttributes.PREVIOUS_DATA)) {
        envelope.put(name, String.valueOf(event.getExtension(name)));
      }
    }
    return envelope;
  }
}
