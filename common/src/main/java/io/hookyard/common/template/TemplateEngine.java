package io.hookyard.common.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hookyard's templates: Qute with strict rendering (a value the event lacks is an error, never an
 * empty string sent by mistake), JSON walking, and the helpers of {@link TemplateHelpers}. Each
 * template text is parsed once and cached. Rules-service (previews, validation on save) and
 * delivery-service (real sends) render with the same engine, so a preview shows what is sent.
 */
public final class TemplateEngine {
  private static final int MAX_CACHED = 10_000;

  private final Engine engine;
  private final Map<String, Template> parsed = new ConcurrentHashMap<>();

  public TemplateEngine(Clock clock) {
    EngineBuilder builder =
        Engine.builder()
            .addDefaults()
            .strictRendering(true)
            .removeStandaloneLines(true)
            .addValueResolver(new JsonValues())
            .addNamespaceResolver(TemplateHelpers.functions(clock));
    TemplateHelpers.valueResolvers().forEach(builder::addValueResolver);
    EncodingSection.all().forEach(section -> builder.addSectionHelper(section.name(), section));
    this.engine = builder.build();
  }

  /**
   * Parses the template, or says where it is wrong.
   *
   * @throws TemplateException of kind SYNTAX with the line and column
   */
  public void validate(String template) {
    parse(template);
  }

  /**
   * Renders the template against the context.
   *
   * @throws TemplateException of kind SYNTAX when it does not parse, or RENDER when it needs a
   *     value the context lacks or a helper cannot use the value it got
   */
  public String render(String template, TemplateContext context) {
    Template parsedTemplate = parse(template);
    try {
      return parsedTemplate.render(context.variables());
    } catch (io.quarkus.qute.TemplateException e) {
      throw translate(TemplateException.Kind.RENDER, e);
    } catch (RuntimeException e) {
      throw renderFailure(e);
    }
  }

  private Template parse(String template) {
    Template cached = parsed.get(template);
    if (cached != null) {
      return cached;
    }
    Template fresh;
    try {
      fresh = engine.parse(template);
    } catch (io.quarkus.qute.TemplateException e) {
      throw translate(TemplateException.Kind.SYNTAX, e);
    }
    if (parsed.size() >= MAX_CACHED) {
      // Tenants' templates are few; a full cache means churn, and starting over is cheap.
      parsed.clear();
    }
    parsed.put(template, fresh);
    return fresh;
  }

  private static TemplateException translate(
      TemplateException.Kind kind, io.quarkus.qute.TemplateException e) {
    TemplateNode.Origin origin = e.getOrigin();
    int line = origin == null ? 0 : origin.getLine();
    int column = origin == null ? 0 : origin.getLineCharacterStart();
    Throwable cause = e.getCause();
    if (kind == TemplateException.Kind.RENDER && cause instanceof RuntimeException helper) {
      return renderFailure(helper);
    }
    return new TemplateException(kind, line, column, describe(line, column, e));
  }

  private static TemplateException renderFailure(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof io.quarkus.qute.TemplateException template) {
      return translate(TemplateException.Kind.RENDER, template);
    }
    return new TemplateException(
        TemplateException.Kind.RENDER, 0, 0, "A helper could not render: " + root.getMessage());
  }

  /** The engine's message without the template id it invents for inline templates. */
  private static String describe(int line, int column, io.quarkus.qute.TemplateException e) {
    String message = String.valueOf(e.getMessage());
    int detail = message.indexOf(": ");
    if (message.startsWith("Parser error") || message.startsWith("Rendering error")) {
      message = detail < 0 ? message : message.substring(detail + 2);
    }
    message = message.replaceAll("\\s*in template \\[[^\\]]*\\]", "");
    // The engine names Java classes; people writing templates need only the expression.
    message = message.replaceAll(" on the base object \"[^\"]*\"", "").trim();
    String where = line == 0 ? "" : "line " + line + (column > 0 ? ", column " + column : "");
    return where.isEmpty() ? message : where + ": " + message;
  }
}
