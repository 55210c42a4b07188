package io.hookyard.common.action;

import io.hookyard.common.problem.Problem.FieldError;
import io.hookyard.common.template.Preset;
import io.hookyard.common.template.TemplateEngine;
import io.hookyard.common.template.TemplateException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of an action that need no other service: step names, what each step sends, and that
 * every template parses. Filters (conditions) and destinations are checked by rules-service.
 */
public final class ActionChecks {
  private static final Set<String> PRESET_FIELDS = Set.of("title", "text", "color");

  private final TemplateEngine templates;

  public ActionChecks(TemplateEngine templates) {
    this.templates = templates;
  }

  /** Every problem of the action, each named by its field path under {@code prefix}. */
  public List<FieldError> check(Action action, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> names = new HashSet<>();
    checkSteps(action.steps(), prefix + ".steps", names, errors);
    if (action.errorRoute() != null) {
      checkSteps(action.errorRoute().steps(), prefix + ".errorRoute.steps", names, errors);
    }
    return errors;
  }

  private void checkSteps(
      List<Step> steps, String prefix, Set<String> names, List<FieldError> errors) {
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String at = prefix + "[" + i + "]";
      if (!names.add(step.name())) {
        errors.add(new FieldError(at + ".name", "another step is already named " + step.name()));
      }
      checkKind(step, at, errors);
      checkTemplates(step, at, errors);
    }
  }

  private static void checkKind(Step step, String at, List<FieldError> errors) {
    boolean request = step.body() != null || step.path() != null || step.method() != null;
    switch (step.kind()) {
      case EMAIL -> {
        if (request) {
          errors.add(new FieldError(at, "an e-mail step has no method, path or body"));
        }
        if (step.preset() != null && step.preset() != Preset.EMAIL) {
          errors.add(new FieldError(at + ".preset", "an e-mail step takes only the EMAIL preset"));
        }
        if (step.preset() == null) {
          if (step.email().subject() == null || step.email().subject().isBlank()) {
            errors.add(
                new FieldError(at + ".email.subject", "needs a subject, or the EMAIL preset"));
          }
          if (step.email().html() == null && step.email().text() == null) {
            errors.add(new FieldError(at + ".email", "needs html, text or both"));
          }
          if (step.fields() != null) {
            errors.add(new FieldError(at + ".fields", "fields belong to a preset"));
          }
        }
      }
      case PRESET -> {
        if (step.preset() == Preset.EMAIL) {
          errors.add(
              new FieldError(at + ".email", "the EMAIL preset needs an email with recipients"));
        }
        if (step.body() != null) {
          errors.add(new FieldError(at + ".body", "a preset builds the body; give fields instead"));
        }
        if (step.fields() != null && !step.preset().usesFields() && !step.fields().isEmpty()) {
          errors.add(new FieldError(at + ".fields", step.preset() + " sends the event as it is"));
        }
        if (step.fields() != null && !PRESET_FIELDS.containsAll(step.fields().keySet())) {
          errors.add(new FieldError(at + ".fields", "the fields are title, text and color"));
        }
      }
      case REQUEST -> {
        if (step.fields() != null) {
          errors.add(new FieldError(at + ".fields", "fields belong to a preset"));
        }
      }
    }
  }

  private void checkTemplates(Step step, String at, List<FieldError> errors) {
    template(step.method(), at + ".method", errors);
    template(step.path(), at + ".path", errors);
    template(step.body(), at + ".body", errors);
    templates(step.headers(), at + ".headers", errors);
    templates(step.fields(), at + ".fields", errors);
    if (step.email() != null) {
      Email email = step.email();
      for (int i = 0; i < email.to().size(); i++) {
        template(email.to().get(i), at + ".email.to[" + i + "]", errors);
      }
      template(email.subject(), at + ".email.subject", errors);
      if (email.cc() != null) {
        for (int i = 0; i < email.cc().size(); i++) {
          template(email.cc().get(i), at + ".email.cc[" + i + "]", errors);
        }
      }
      template(email.html(), at + ".email.html", errors);
      template(email.text(), at + ".email.text", errors);
    }
  }

  private void templates(Map<String, String> values, String at, List<FieldError> errors) {
    if (values != null) {
      values.forEach((key, value) -> template(value, at + "." + key, errors));
    }
  }

  private void template(String template, String field, List<FieldError> errors) {
    if (template == null) {
      return;
    }
    try {
      templates.validate(template);
    } catch (TemplateException e) {
      errors.add(new FieldError(field, e.getMessage()));
    }
  }
}
