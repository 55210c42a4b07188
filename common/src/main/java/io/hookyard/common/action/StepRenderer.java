package io.hookyard.common.action;

import io.cloudevents.CloudEvent;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.template.Preset;
import io.hookyard.common.template.TemplateContext;
import io.hookyard.common.template.TemplateEngine;
import io.hookyard.common.template.TemplateException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a step against an event: the same code for delivery-service's real sends and
 * rules-service's previews, which differ only in the credentials they put in the context.
 */
public final class StepRenderer {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final TemplateEngine templates;

  public StepRenderer(TemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * @param baseUrl the destination's base URL (for e-mail steps, ignored)
   * @throws TemplateException of kind RENDER when a template needs what the event lacks, or the
   *     rendered method or URL is not usable
   */
  public RenderedStep render(Step step, CloudEvent event, TemplateContext context, String baseUrl) {
    return switch (step.kind()) {
      case EMAIL -> mail(step, context);
      case PRESET -> request(step, context, baseUrl, presetBody(step, event, context));
      case REQUEST -> request(step, context, baseUrl, requestBody(step, context));
    };
  }

  private RenderedStep.Mail mail(Step step, TemplateContext context) {
    Email email = step.email();
    List<String> to = recipients(email.to(), context, "email.to");
    List<String> cc = email.cc() == null ? List.of() : recipients(email.cc(), context, "email.cc");
    Preset.MailParts preset =
        step.preset() == Preset.EMAIL ? Preset.mail(renderedFields(step, context)) : null;
    return new RenderedStep.Mail(
        step.name(),
        to,
        renderOr(
            email.subject(), context, "email.subject", preset == null ? null : preset.subject()),
        renderOr(email.html(), context, "email.html", preset == null ? null : preset.html()),
        renderOr(email.text(), context, "email.text", preset == null ? null : preset.text()),
        cc);
  }

  private List<String> recipients(List<String> templates, TemplateContext context, String field) {
    List<String> rendered = new java.util.ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      rendered.add(render(templates.get(i), context, field + "[" + i + "]").trim());
    }
    return rendered;
  }

  /** The template rendered, or what the preset made when the step has no template of its own. */
  private String renderOr(
      String template, TemplateContext context, String field, String fromPreset) {
    return template == null ? fromPreset : render(template, context, field);
  }

  private record Body(String contentType, byte[] bytes) {}

  private Body presetBody(Step step, CloudEvent event, TemplateContext context) {
    return switch (step.preset()) {
      case CLOUDEVENT -> new Body(CloudEventJson.CONTENT_TYPE, CloudEventJson.serialize(event));
      case RAW ->
          new Body(
              event.getDataContentType() == null
                  ? "application/octet-stream"
                  : event.getDataContentType(),
              event.getData() == null ? new byte[0] : event.getData().toBytes());
      default -> new Body("application/json", utf8(fieldsBody(step, context).toString()));
    };
  }

  private Object fieldsBody(Step step, TemplateContext context) {
    return step.preset().body(renderedFields(step, context));
  }

  private Map<String, String> renderedFields(Step step, TemplateContext context) {
    Map<String, String> fields = new LinkedHashMap<>(Preset.DEFAULT_FIELDS);
    if (step.fields() != null) {
      fields.putAll(step.fields());
    }
    Map<String, String> rendered = new LinkedHashMap<>();
    fields.forEach(
        (name, template) -> rendered.put(name, render(template, context, "fields." + name)));
    return rendered;
  }

  private Body requestBody(Step step, TemplateContext context) {
    if (step.body() == null) {
      return new Body(null, new byte[0]);
    }
    String body = render(step.body(), context, "body");
    String trimmed = body.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    return new Body(json ? "application/json" : "text/plain; charset=utf-8", utf8(body));
  }

  private RenderedStep.Request request(
      Step step, TemplateContext context, String baseUrl, Body body) {
    String method =
        step.method() == null
            ? (step.kind() == Step.Kind.REQUEST && step.body() == null ? "GET" : "POST")
            : render(step.method(), context, "method").trim().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new TemplateException(
              TemplateException.Kind.RENDER, 0, 0, "The method rendered as '" + method + "'.")
          .inField("method");
    }
    String path = step.path() == null ? "" : render(step.path(), context, "path").trim();
    Map<String, String> headers = new LinkedHashMap<>();
    if (body.contentType() != null) {
      headers.put("Content-Type", body.contentType());
    }
    if (step.headers() != null) {
      step.headers()
          .forEach((name, value) -> headers.put(name, render(value, context, "headers." + name)));
    }
    String url;
    try {
      url = join(baseUrl, path);
    } catch (TemplateException e) {
      throw e.inField("path");
    }
    return new RenderedStep.Request(step.name(), method, url, headers, body.bytes());
  }

  private static String join(String baseUrl, String path) {
    if (path.isEmpty()) {
      return baseUrl;
    }
    if (!path.startsWith("/") && !path.startsWith("?")) {
      throw new TemplateException(
          TemplateException.Kind.RENDER,
          0,
          0,
          "The path must start with / or ?, it rendered as '" + path + "'.");
    }
    String base =
        baseUrl.endsWith("/") && path.startsWith("/")
            ? baseUrl.substring(0, baseUrl.length() - 1)
            : baseUrl;
    return base + path;
  }

  private String render(String template, TemplateContext context, String field) {
    try {
      return templates.render(template, context);
    } catch (TemplateException e) {
      throw e.inField(field);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
