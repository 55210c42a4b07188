package io.hookyard.console.subscription;

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
 * turned into the API's request. Steps the console cannot edit (templated requests, e-mail) are
 * kept as they are, by position, as is the error route.
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

  /** One step row of the editor; {@code kept} rows are shown but not editable here. */
  public record StepForm(
      String name,
      String destinationId,
      String preset,
      String title,
      String text,
      String condition,
      boolean kept,
      String summary) {

    static StepForm blank(String name) {
      return new StepForm(name, "", "CLOUDEVENT", "", "", "", false, null);
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
    if (step.isPreset()) {
      return new StepForm(
          step.name(),
          step.destinationId(),
          step.preset(),
          step.field("title"),
          step.field("text"),
          step.condition() == null ? "" : step.condition(),
          false,
          null);
    }
    String summary =
        step.email() != null
            ? "Sends an e-mail"
            : "Sends a templated request: "
                + (step.method() == null ? "POST" : step.method())
                + " "
                + (step.path() == null ? "/" : step.path());
    return new StepForm(
        step.name(),
        step.destinationId(),
        null,
        "",
        "",
        step.condition() == null ? "" : step.condition(),
        true,
        summary);
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
              kept ? text(form, prefix + "summary") : null));
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
    if (step.kept() && original != null) {
      return original;
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
