package io.hookyard.common.template;

import io.hookyard.common.action.ActionChecks;
import io.hookyard.common.action.StepRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One template engine per service, shared by the checks on save and the renderer. */
@ApplicationScoped
public class TemplatesProducer {

  @Produces
  @ApplicationScoped
  TemplateEngine templateEngine(Clock clock) {
    return new TemplateEngine(clock);
  }

  @Produces
  @ApplicationScoped
  ActionChecks actionChecks(TemplateEngine engine) {
    return new ActionChecks(engine);
  }

  @Produces
  @ApplicationScoped
  StepRenderer stepRenderer(TemplateEngine engine) {
    return new StepRenderer(engine);
  }
}
