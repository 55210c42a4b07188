package io.hookyard.common.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookyard.common.template.Preset;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * One request of an action. It goes to a destination (base URL and credentials) and says what to
 * send in one of three ways: a request whose method, path, headers and body are templates; a {@link
 * Preset} with field templates; or an e-mail. Earlier steps' responses are visible to later steps'
 * templates as {@code steps.<name>.response}.
 *
 * @param name unique within the action; templates refer to the step by it
 * @param destinationId where it goes
 * @param condition a filter on the event; when it does not hold the step is skipped
 * @param method the HTTP method, a template (default POST)
 * @param path appended to the destination's base URL, a template (default none)
 * @param headers extra headers, each value a template
 * @param body the body, a template
 * @param preset a ready-made message shape instead of a body
 * @param fields the preset's field templates ({@code title}, {@code text}, {@code color})
 * @param email an e-mail instead of an HTTP request
 * @param retrySchedule this step's retry delays ({@code 5s}, {@code 10m}...), else the
 *     destination's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(
    @NotBlank
        @Pattern(
            regexp = "[a-z][a-z0-9_]{0,31}",
            message =
                "must be 1-32 lower-case letters, digits or underscores, starting with a letter")
        String name,
    @NotBlank @Size(max = 64) String destinationId,
    @Size(max = 4096) String condition,
    @Size(max = 200) String method,
    @Size(max = 2048) String path,
    @Size(max = 30) Map<String, @Size(max = 4096) String> headers,
    @Size(max = 65_536) String body,
    Preset preset,
    @Size(max = 5) Map<String, @Size(max = 8192) String> fields,
    @Valid Email email,
    @Size(max = 20) List<@Pattern(regexp = "\\d+(ms|s|m|h|d)") String> retrySchedule) {

  /** A step that sends the event's CloudEvent as it is. */
  public static Step sendEvent(String name, String destinationId) {
    return new Step(
        name, destinationId, null, null, null, null, null, Preset.CLOUDEVENT, null, null, null);
  }

  /** A request whose method, path, headers and body are templates. */
  public static Step ofRequest(
      String name,
      String destinationId,
      String method,
      String path,
      Map<String, String> headers,
      String body) {
    return new Step(name, destinationId, null, method, path, headers, body, null, null, null, null);
  }

  /** A ready-made message shape, filled from field templates. */
  public static Step ofPreset(
      String name, String destinationId, Preset preset, Map<String, String> fields) {
    return new Step(name, destinationId, null, null, null, null, null, preset, fields, null, null);
  }

  /** An e-mail instead of an HTTP request. */
  public static Step ofEmail(String name, String destinationId, Email email) {
    return new Step(name, destinationId, null, null, null, null, null, null, null, email, null);
  }

  /** How the step says what to send. */
  public enum Kind {
    REQUEST,
    PRESET,
    EMAIL
  }

  public Kind kind() {
    if (email != null) {
      return Kind.EMAIL;
    }
    return preset != null ? Kind.PRESET : Kind.REQUEST;
  }
}
