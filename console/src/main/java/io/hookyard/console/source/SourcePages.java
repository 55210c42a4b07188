package io.hookyard.console.source;

import io.hookyard.console.ConsoleConfig;
import io.hookyard.console.api.ApiException;
import io.hookyard.console.api.Model.RequestLogEntry;
import io.hookyard.console.api.Model.Source;
import io.hookyard.console.api.Model.Vendor;
import io.hookyard.console.api.ReceiverApi;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** Sources: their URLs, vendors, secrets, last handshake and recent requests. */
@Path("/console/{tenant: [a-z0-9][a-z0-9-]{0,62}}/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcePages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        Page page,
        List<SourceRow> sources,
        List<Vendor> vendors,
        NewSourceForm form,
        String problem);

    static native TemplateInstance detail(
        Page page,
        Source source,
        String vendorName,
        RequestLogEntry lastHandshake,
        List<RequestLogEntry> requests,
        String newSecret);
  }

  /** A source in the list, with its latest handshake if it had one. */
  public record SourceRow(Source source, String vendorName, RequestLogEntry lastHandshake) {}

  /** What the create form held, to show it again when the API refused it. */
  public record NewSourceForm(String name, String vendor, String description) {
    static final NewSourceForm EMPTY = new NewSourceForm("", "generic", "");
  }

  private final ReceiverApi receiver;
  private final ConsoleUser user;
  private final ConsoleConfig config;

  public SourcePages(@RestClient ReceiverApi receiver, ConsoleUser user, ConsoleConfig config) {
    this.receiver = receiver;
    this.user = user;
    this.config = config;
  }

  @GET
  public TemplateInstance list(@PathParam("tenant") String tenant) {
    return listPage(tenant, NewSourceForm.EMPTY, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @PathParam("tenant") String tenant,
      @RestForm String name,
      @RestForm String vendor,
      @RestForm String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name == null ? "" : name.trim());
    body.put("vendor", vendor == null || vendor.isBlank() ? "generic" : vendor);
    if (description != null && !description.isBlank()) {
      body.put("description", description.trim());
    }
    try {
      Source created = receiver.createSource(tenant, body);
      // The generated secret is in this answer only: show it now, never again.
      return Response.status(201)
          .entity(detailPage(tenant, created, created.secret(), "Source created."))
          .build();
    } catch (ApiException e) {
      if (!e.isInputProblem()) {
        throw e;
      }
      NewSourceForm form = new NewSourceForm(name, vendor, description);
      return Response.status(e.status()).entity(listPage(tenant, form, e.summary())).build();
    }
  }

  @GET
  @Path("{id}")
  public TemplateInstance detail(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    return detailPage(tenant, receiver.source(tenant, id), null, null);
  }

  @POST
  @Path("{id}/rotate-secret")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance rotateSecret(
      @PathParam("tenant") String tenant, @PathParam("id") String id) {
    Source rotated = receiver.rotateSecret(tenant, id, Map.of());
    String notice =
        rotated.secret() == null
            ? "Secret rotated."
            : "Secret rotated. The old secret keeps working for a day, so the vendor can be"
                + " switched over.";
    return detailPage(tenant, rotated, rotated.secret(), notice);
  }

  private TemplateInstance listPage(String tenant, NewSourceForm form, String problem) {
    List<Vendor> vendors = receiver.vendors();
    Map<String, String> vendorNames = vendorNames(vendors);
    Map<String, RequestLogEntry> handshakes =
        receiver.requests(tenant, null, "HANDSHAKE", 200).items().stream()
            .collect(Collectors.toMap(RequestLogEntry::sourceId, Function.identity(), (a, b) -> a));
    List<SourceRow> rows =
        receiver.sources(tenant).stream()
            .map(
                s ->
                    new SourceRow(
                        s,
                        vendorNames.getOrDefault(s.vendor(), s.vendor()),
                        handshakes.get(s.id())))
            .toList();
    return Templates.list(user.page(tenant, "sources", "Sources"), rows, vendors, form, problem);
  }

  private TemplateInstance detailPage(
      String tenant, Source source, String newSecret, String notice) {
    List<Vendor> vendors = receiver.vendors();
    List<RequestLogEntry> handshakes =
        receiver.requests(tenant, source.id(), "HANDSHAKE", 1).items();
    List<RequestLogEntry> recent =
        receiver.requests(tenant, source.id(), null, config.recentRequests()).items();
    Page page = user.page(tenant, "sources", source.name()).withNotice(notice);
    return Templates.detail(
        page,
        source,
        vendorNames(vendors).getOrDefault(source.vendor(), source.vendor()),
        handshakes.isEmpty() ? null : handshakes.getFirst(),
        recent,
        newSecret);
  }

  private static Map<String, String> vendorNames(List<Vendor> vendors) {
    return vendors.stream()
        .collect(Collectors.toMap(Vendor::vendor, Vendor::displayName, (a, b) -> a));
  }
}
