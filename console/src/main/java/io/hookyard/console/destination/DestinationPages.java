package io.hookyard.console.destination;

import io.hookyard.console.api.ApiException;
import io.hookyard.console.api.DeliveryApi;
import io.hookyard.console.api.Model.Destination;
import io.hookyard.console.web.ConsoleUser;
import io.hookyard.console.web.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** Destinations: state and why, limits, signing secret rotation, pause and resume. */
@Path("/console/{tenant: [a-z0-9][a-z0-9-]{0,62}}/destinations")
@Produces(MediaType.TEXT_HTML)
public class DestinationPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        Page page,
        List<DestinationRow> destinations,
        NewDestinationForm form,
        String problem,
        SecretShown secret);
  }

  /** A destination with the state it is effectively in: an open circuit outranks "active". */
  public record DestinationRow(Destination destination, String state, String stateLabel) {

    static DestinationRow of(Destination d, Instant now) {
      Instant openUntil = d.health() == null ? null : d.health().circuitOpenUntil();
      if ("active".equals(d.state()) && openUntil != null && openUntil.isAfter(now)) {
        return new DestinationRow(d, "circuit-open", "Circuit open");
      }
      String state = d.state() == null ? "active" : d.state();
      return new DestinationRow(
          d, state, Character.toUpperCase(state.charAt(0)) + state.substring(1));
    }

    public boolean resumable() {
      return !"active".equals(state);
    }
  }

  /** What the create form held. */
  public record NewDestinationForm(String name, String url) {
    static final NewDestinationForm EMPTY = new NewDestinationForm("", "https://");
  }

  /** A signing secret right after it was made: shown once, with the destination it belongs to. */
  public record SecretShown(String destinationName, String secret) {}

  private final DeliveryApi delivery;
  private final ConsoleUser user;
  private final Clock clock;

  public DestinationPages(@RestClient DeliveryApi delivery, ConsoleUser user) {
    this.delivery = delivery;
    this.user = user;
    this.clock = Clock.systemUTC();
  }

  @GET
  public TemplateInstance list(@PathParam("tenant") String tenant) {
    return page(tenant, NewDestinationForm.EMPTY, null, null, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @PathParam("tenant") String tenant, @RestForm String name, @RestForm String url) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name == null ? "" : name.trim());
    body.put("url", url == null ? "" : url.trim());
    try {
      Destination created = delivery.createDestination(tenant, body);
      return Response.status(201)
          .entity(
              page(
                  tenant,
                  NewDestinationForm.EMPTY,
                  null,
                  new SecretShown(created.name(), created.secret()),
                  "Destination created."))
          .build();
    } catch (ApiException e) {
      if (!e.isInputProblem()) {
        throw e;
      }
      return Response.status(e.status())
          .entity(page(tenant, new NewDestinationForm(name, url), e.summary(), null, null))
          .build();
    }
  }

  @POST
  @Path("{id}/rotate-secret")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance rotateSecret(
      @PathParam("tenant") String tenant, @PathParam("id") String id) {
    Destination rotated = delivery.changeDestination(tenant, id, "rotate-secret", Map.of());
    return page(
        tenant,
        NewDestinationForm.EMPTY,
        null,
        new SecretShown(rotated.name(), rotated.secret()),
        "Signing secret rotated. The old one keeps signing beside it for the overlap.");
  }

  @POST
  @Path("{id}/resume")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response resume(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    delivery.changeDestination(tenant, id, "resume", Map.of());
    return backToList(tenant);
  }

  @POST
  @Path("{id}/pause")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response pause(
      @PathParam("tenant") String tenant, @PathParam("id") String id, @RestForm String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason.trim());
    }
    delivery.changeDestination(tenant, id, "pause", body);
    return backToList(tenant);
  }

  private static Response backToList(String tenant) {
    return Response.seeOther(URI.create("/console/" + tenant + "/destinations")).build();
  }

  private TemplateInstance page(
      String tenant, NewDestinationForm form, String problem, SecretShown secret, String notice) {
    Instant now = clock.instant();
    List<DestinationRow> rows =
        delivery.destinations(tenant).stream().map(d -> DestinationRow.of(d, now)).toList();
    Page page = user.page(tenant, "destinations", "Destinations").withNotice(notice);
    return Templates.list(page, rows, form, problem, secret);
  }
}
