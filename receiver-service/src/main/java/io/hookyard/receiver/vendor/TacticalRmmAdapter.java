package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * Tactical RMM: a webhook is a "URL Action" run by alert templates on failure and on resolve. The
 * admin picks the method (GET, POST, PUT, PATCH or DELETE) and writes the URL, a headers template
 * and a body template with {@code {{agent.*}}}, {@code {{client.*}}}, {@code {{site.*}}} and {@code
 * {{alert.*}}} variables. TRMM signs nothing and tries once, so the headers template carries the
 * secret: setting {@code header} (default {@code X-TRMM-Token}), value the source's secret, bare or
 * after {@code Bearer }.
 *
 * <p>TRMM validates the body template as JSON and re-dumps it, but sets a content type only if the
 * headers template does, so the body is read as JSON whatever the content type says. GET and DELETE
 * send no body: an empty body reads as {@code {}} and the same fields are then looked up in the
 * query string, where a GET's URL template puts them.
 *
 * <p>Since the body is the admin's own template, the facts come from suggested field names:
 *
 * <ul>
 *   <li>type: {@code tactical-rmm.<type>} from a {@code type} or {@code event} field, else {@code
 *       tactical-rmm.alert}, since alert actions are what send webhooks;
 *   <li>operation: {@code operation} when it is Created, Updated or Deleted; else from the alert's
 *       state, as COM does for alerts: {@code resolved} true or {@code status} resolved gives
 *       Deleted, {@code resolved} false or {@code status} failure gives Created;
 *   <li>subject: {@code agent_id}, else {@code hostname} (top level or under {@code agent}).
 * </ul>
 *
 * There is no dedup key: TRMM never retries, and the failure and resolve actions of one alert would
 * share any alert id.
 */
@Singleton
public class TacticalRmmAdapter implements VendorAdapter {
  static final String DEFAULT_HEADER = "X-TRMM-Token";

  @Override
  public String vendor() {
    return "tactical-rmm";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Tactical RMM",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
        List.of(
            EventSamples.of(
                vendor(),
                "tactical-rmm.alert",
                "An alert failure action (a check or task failed)",
                "alert-failure.json"),
            EventSamples.of(
                vendor(),
                "tactical-rmm.agent_offline",
                "A body template with its own type field",
                "agent-offline.json")));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    SharedSecrets.requireHeader(
        request, context, context.setting("header", DEFAULT_HEADER), "Bearer");
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonNode json =
        request.body().length == 0
            ? JsonNodeFactory.instance.objectNode()
            : JsonBodies.parse(request.body());
    String type = first(request, json, "/type", "/event");
    return new EventFacts(
        "tactical-rmm." + (type == null ? "alert" : sanitise(type)),
        first(request, json, "/agent_id", "/agent/agent_id", "/hostname", "/agent/hostname"),
        operation(request, json),
        null);
  }

  private static String operation(IncomingRequest request, JsonNode json) {
    String stated = first(request, json, "/operation");
    if (stated != null) {
      for (String known : List.of("Created", "Updated", "Deleted")) {
        if (known.equalsIgnoreCase(stated)) {
          return known;
        }
      }
    }
    String state = first(request, json, "/resolved", "/alert/resolved", "/status", "/alert/status");
    return switch (state == null ? "" : state.toLowerCase(Locale.ROOT)) {
      case "true", "resolved", "resolve" -> "Deleted";
      case "false", "failure", "failed", "failing" -> "Created";
      default -> null;
    };
  }

  /** The first non-blank value at these pointers, else the query parameter of the first name. */
  private static String first(IncomingRequest request, JsonNode json, String... pointers) {
    for (String pointer : pointers) {
      String value = JsonBodies.text(json, pointer);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    for (String pointer : pointers) {
      String value = request.queryParameter(pointer.substring(pointer.lastIndexOf('/') + 1));
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  /** Templates are free text: keep an event type to letters, digits, '.', '_' and '-'. */
  static String sanitise(String type) {
    return type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
  }
}
