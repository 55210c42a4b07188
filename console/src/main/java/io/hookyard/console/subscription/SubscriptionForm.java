package io.hookyard.console.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hookyard.console.api.Model.Step;
import io.hookyard.console.api.Model.Subscription;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscription editor's fields, read from the page's form or from a saved subscription, and
 * turned into the API's request. Steps that are not presets (templated requests, e-mail) are shown
 * and edited as their JSON definition; the error route is kept as it is.
 */
public record SubscriptionForm(
    String name,
    String description,
    boolean enabled,
    Set<String> eventTypes,
    String otherEventTypes,
    String filter,
    List<StepForm> steps) {

  /** Preset choices the editor offers, by API name. */
  public static final List<String> PRESETS =
      List.of(
          "CLOUDEVENT",
          "RAW",
          "SLACK",
          "SLACK_BLOCKS",
          "TEAMS_MESSAGE_CARD",
          "TEAMS_ADAPTIVE_CARD",
          "DISCORD",
          "DISCORD_EMBED");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** A step definition the user typed that the console cannot turn into a request. */
  public static class InvalidStep extends IllegalArgumentException {
    InvalidStep(String message) {
      super(message);
    }
  }

  /**
   * One step row of the editor. {@code kept} rows are steps that are not presets: the editor shows
   * a {@code summary} of them and their {@code definition} (the step's JSON without its name and
   * destination, which have their own fields) to edit.
   */
  public record StepForm(
      String name,
      String destinationId,
      String preset,
      String title,
      String text,
      String condition,
      boolean kept,
      String summary,
      String definition) {

    static StepForm blank(String name) {
      return new StepForm(name, "", "CLOUDEVENT", "", "", "", false, null, null);
    }

    /** Rows for the definition's text area: all of it, within reason. */
    public int definitionRows() {
      long lines = definition == null ? 0 : definition.lines().count();
      return (int) Math.clamp(lines + 1, 4, 18);
    }

    public boolean takesFields() {
      return !"CLOUDEVENT".equals(preset) && !"RAW".equals(preset);
    }
  }

  static SubscriptionForm empty() {
    return new SubscriptionForm("", "", true, Set.of(), "", "", List.of(StepForm.blank("deliver")));
  }

  static SubscriptionForm of(Subscription s, Set<String> catalogueTypes) {
    Set<String> known = new LinkedHashSet<>();
    List<String> other = new ArrayList<>();
    for (String type : s.eventTypes()) {
      if (catalogueTypes.contains(type)) {
        known.add(type);
      } else {
        other.add(type);
      }
    }
    List<StepForm> steps = new ArrayList<>();
    if (s.action() != null && s.action().steps() != null) {
      for (Step step : s.action().steps()) {
        steps.add(stepForm(step));
      }
    }
    return new SubscriptionForm(
        s.name(),
        s.description() == null ? "" : s.description(),
        s.enabled(),
        known,
        String.join(", ", other),
        s.filter() == null ? "" : s.filter(),
        steps);
  }

  private static StepForm stepForm(Step step) {
    // Presets the picker offers are edited field by field; the e-mail preset and any other are
    // edited as JSON, so that saving never turns them into another preset.
    if (step.isPreset() && PRESETS.contains(step.preset())) {
      return new StepForm(
          step.name(),
          step.destinationId(),
          step.preset(),
          step.field("title"),
          step.field("text"),
          step.condition() == null ? "" : step.condition(),
          false,
          null,
          null);
    }
    return new StepForm(
        step.name(),
        step.destinationId() == null ? "" : step.destinationId(),
        null,
        "",
        "",
        step.condition() == null ? "" : step.condition(),
        true,
        summary(step),
        definition(step));
  }

  private static String summary(Step step) {
    if (step.email() != null || "EMAIL".equals(step.preset())) {
      return "E-mail";
    }
    if (step.preset() != null) {
      return "Preset " + step.preset();
    }
    return "Templated request: "
        + (step.method() == null ? "POST" : step.method())
        + " "
        + (step.path() == null ? "/" : step.path());
  }

  /** The step as JSON, without the name and destination that the row's own fields hold. */
  static String definition(Step step) {
    Map<String, Object> fields = JSON.convertValue(step, new TypeReference<>() {});
    fields.remove("name");
    fields.remove("destinationId");
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A step read from the API cannot be written back", e);
    }
  }

  /** Reads the editor's form: {@code step.<i>.<field>} for each step row. */
  static SubscriptionForm read(MultivaluedMap<String, String> form) {
    Set<String> types = new LinkedHashSet<>();
    List<String> chosen = form.get("eventTypes");
    if (chosen != null) {
      types.addAll(chosen);
    }
    List<StepForm> steps = new ArrayList<>();
    int count = parseInt(form.getFirst("stepCount"));
    for (int i = 0; i < count; i++) {
      String prefix = "step." + i + ".";
      String name = text(form, prefix + "name");
      if (name.isEmpty() || form.containsKey(prefix + "remove")) {
        continue;
      }
      boolean kept = form.containsKey(prefix + "kept");
      steps.add(
          new StepForm(
              name,
              text(form, prefix + "destinationId"),
              kept ? null : text(form, prefix + "preset"),
              text(form, prefix + "title"),
              text(form, prefix + "text"),
              text(form, prefix + "condition"),
              kept,
              kept ? text(form, prefix + "summary") : null,
              kept ? text(form, prefix + "definition") : null));
    }
    return new SubscriptionForm(
        text(form, "name"),
        text(form, "description"),
        form.containsKey("enabled"),
        types,
        text(form, "otherEventTypes"),
        form.getFirst("filter") == null ? "" : form.getFirst("filter"),
        steps);
  }

  /** Every event type: those picked from the catalogue and those typed in. */
  List<String> allEventTypes() {
    Set<String> all = new LinkedHashSet<>(eventTypes);
    Arrays.stream(otherEventTypes.split("[,\\s]+"))
        .map(String::trim)
        .filter(t -> !t.isEmpty())
        .forEach(all::add);
    return List.copyOf(all);
  }

  /** The API's request, with the kept steps and error route of {@code saved} (null when new). */
  Map<String, Object> toRequest(Subscription saved) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    if (!description.isBlank()) {
      body.put("description", description);
    }
    body.put("enabled", enabled);
    body.put("eventTypes", allEventTypes());
    if (saved != null && saved.sources() != null && !saved.sources().isEmpty()) {
      body.put("sources", saved.sources());
    }
    if (!filter.isBlank()) {
      body.put("filter", filter);
    }
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("steps", steps.stream().map(step -> stepRequest(step, saved)).toList());
    if (saved != null && saved.action() != null && saved.action().errorRoute() != null) {
      action.put("errorRoute", saved.action().errorRoute());
    }
    body.put("action", action);
    return body;
  }

  private static Object stepRequest(StepForm step, Subscription saved) {
    Step original = savedStep(saved, step.name());
    if (step.kept()) {
      return keptStepRequest(step, original);
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", step.name());
    request.put("destinationId", step.destinationId());
    if (!step.condition().isBlank()) {
      request.put("condition", step.condition());
    }
    request.put("preset", step.preset() == null ? "CLOUDEVENT" : step.preset());
    Map<String, String> fields = new LinkedHashMap<>();
    if (step.takesFields() && !step.title().isBlank()) {
      fields.put("title", step.title());
    }
    if (step.takesFields() && !step.text().isBlank()) {
      fields.put("text", step.text());
    }
    if (!fields.isEmpty()) {
      request.put("fields", fields);
    }
    if (original != null && original.retrySchedule() != null) {
      request.put("retrySchedule", original.retrySchedule());
    }
    return request;
  }

  /**
   * A step edited as JSON: its definition, with the name and destination of the row. A row without
   * a definition (a form from before definitions were shown) keeps the saved step.
   */
  private static Object keptStepRequest(StepForm step, Step original) {
    if (step.definition() == null || step.definition().isBlank()) {
      if (original == null) {
        throw new InvalidStep("Step '" + step.name() + "' has no definition.");
      }
      return original;
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", step.name());
    if (!step.destinationId().isBlank()) {
      request.put("destinationId", step.destinationId());
    }
    try {
      Map<String, Object> definition = JSON.readValue(step.definition(), new TypeReference<>() {});
      definition.remove("name");
      definition.remove("destinationId");
      request.putAll(definition);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new InvalidStep(
          "Step '" + step.name() + "': the definition is not a JSON object" + where + ".");
    }
    return request;
  }

  private static Step savedStep(Subscription saved, String name) {
    if (saved == null || saved.action() == null || saved.action().steps() == null) {
      return null;
    }
    return saved.action().steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  /** The rows the editor shows: the steps, and one blank row to add a step. */
  public List<StepForm> rows() {
    List<StepForm> rows = new ArrayList<>(steps);
    rows.add(StepForm.blank(""));
    return rows;
  }

  private static String text(MultivaluedMap<String, String> form, String key) {
    String value = form.getFirst(key);
    return value == null ? "" : value.trim();
  }

  private static int parseInt(String value) {
    try {
      return value == null ? 0 : Math.min(Integer.parseInt(value.trim()), 11);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
