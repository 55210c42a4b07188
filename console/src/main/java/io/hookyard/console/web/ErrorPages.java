package io.hookyard.console.web;

import io.hookyard.console.api.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a page shows when an API refused or could not be reached: the same status the API gave, and
 * what it said, never a stack trace.
 */
public class ErrorPages {
  private static final Logger LOG = Logger.getLogger(ErrorPages.class);

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance error(Page page, int status, String heading, String detail);
  }

  private final ConsoleUser user;

  public ErrorPages(ConsoleUser user) {
    this.user = user;
  }

  @ServerExceptionMapper
  public Response apiFailure(ApiException e, UriInfo uri) {
    String heading =
        switch (e.status()) {
          case 401 -> "Your session has ended";
          case 403 -> "Your role may not do this";
          case 404 -> "Not found";
          default -> e.title();
        };
    String detail =
        switch (e.status()) {
          case 401 -> "Sign in again to go on.";
          case 403 -> "Ask a tenant admin. " + e.detail();
          default -> e.summary();
        };
    return page(uri, e.status(), heading, detail);
  }

  @ServerExceptionMapper
  public Response unreachable(ProcessingException e, UriInfo uri) {
    LOG.warnf("A management API could not be reached: %s", e.getMessage());
    return page(
        uri,
        503,
        "A Hookyard service is not reachable",
        "The console could not reach a service it needs. Try again in a moment.");
  }

  private Response page(UriInfo uri, int status, String heading, String detail) {
    String tenant = uri.getPathParameters().getFirst("tenant");
    Page page = user.page(tenant, "", heading);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.error(page, status, heading, detail).render())
        .build();
  }
}
