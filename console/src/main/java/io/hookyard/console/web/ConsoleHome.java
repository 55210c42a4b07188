package io.hookyard.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** Where signing in lands: the user's tenant, or a choice of tenant for a Hookyard admin. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleHome {
  private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance home(Page page, List<String> tenants, String problem);

    static native TemplateInstance signedOut();
  }

  private final ConsoleUser user;

  public ConsoleHome(ConsoleUser user) {
    this.user = user;
  }

  @GET
  public Response home(@QueryParam("tenant") String chosen) {
    if (chosen != null && TENANT.matcher(chosen).matches()) {
      return Response.seeOther(URI.create("/console/" + chosen + "/deliveries")).build();
    }
    List<String> tenants = user.tenants();
    if (tenants.size() == 1 && !user.isHookyardAdmin()) {
      return Response.seeOther(URI.create("/console/" + tenants.getFirst() + "/deliveries"))
          .build();
    }
    String problem =
        chosen != null
            ? "A tenant name is 1 to 63 lower-case letters, digits or dashes."
            : tenants.isEmpty() && !user.isHookyardAdmin()
                ? "Your account belongs to no tenant. Ask your Hookyard administrator."
                : null;
    Page page = user.page(null, "", "Choose a tenant");
    return Response.status(chosen != null ? 400 : 200)
        .entity(Templates.home(page, tenants, problem))
        .build();
  }

  /** After signing out; public, so it does not start a new sign-in. No tenant name has a "_". */
  @GET
  @Path("_signed-out")
  public TemplateInstance signedOut() {
    return Templates.signedOut();
  }

  /** The redirect target of the sign-in; the session then goes back to the page first asked for. */
  @GET
  @Path("_signed-in")
  public Response signedIn() {
    return Response.seeOther(URI.create("/console")).build();
  }
}
