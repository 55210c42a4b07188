package io.hookyard.console.subscription;

import io.hookyard.console.api.ApiException;
import io.hookyard.console.api.DeliveryApi;
import io.hookyard.console.api.Model.Destination;
import io.hookyard.console.api.Model.DryRunResult;
import io.hookyard.console.api.Model.Source;
import io.hookyard.console.api.Model.Subscription;
import io.hookyard.console.api.Model.Vendor;
import io.hookyard.console.api.ReceiverApi;
import io.hookyard.console.api.RulesApi;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** Subscriptions: list, editor (filter checked as you type, preset steps), Try it, Mock send. */
@Path("/console/{tenant: [a-z0-9][a-z0-9-]{0,62}}")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        Page page, List<Subscription> subscriptions, Map<String, String> destinationNames);

    static native TemplateInstance editor(
        Page page,
        String id,
        SubscriptionForm form,
        FilterPointer filterCheck,
        List<Vendor> vendors,
        List<Destination> destinations,
        List<Source> sources,
        List<String> presets,
        String problem);

    static native TemplateInstance filterCheck(FilterPointer check);

    static native TemplateInstance tryResult(DryRunResult result, String problem);

    static native TemplateInstance mockResult(boolean sent, String message);
  }

  private final RulesApi rules;
  private final ReceiverApi receiver;
  private final DeliveryApi delivery;
  private final ConsoleUser user;

  public SubscriptionPages(
      @RestClient RulesApi rules,
      @RestClient ReceiverApi receiver,
      @RestClient DeliveryApi delivery,
      ConsoleUser user) {
    this.rules = rules;
    this.receiver = receiver;
    this.delivery = delivery;
    this.user = user;
  }

  @GET
  @Path("subscriptions")
  public TemplateInstance list(@PathParam("tenant") String tenant) {
    Map<String, String> names = new LinkedHashMap<>();
    delivery.destinations(tenant).forEach(d -> names.put(d.id(), d.name()));
    return Templates.list(
        user.page(tenant, "subscriptions", "Subscriptions"), rules.subscriptions(tenant), names);
  }

  @GET
  @Path("subscriptions/new")
  public TemplateInstance newSubscription(@PathParam("tenant") String tenant) {
    return editor(tenant, null, SubscriptionForm.empty(), null, null);
  }

  @GET
  @Path("subscriptions/{id}")
  public TemplateInstance edit(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @QueryParam("saved") String saved) {
    Subscription subscription = rules.subscription(tenant, id);
    SubscriptionForm form = SubscriptionForm.of(subscription, catalogueTypes(receiver.vendors()));
    return editor(tenant, id, form, null, saved != null ? "Subscription saved." : null);
  }

  @POST
  @Path("subscriptions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @PathParam("tenant") String tenant, MultivaluedMap<String, String> fields) {
    SubscriptionForm form = SubscriptionForm.read(fields);
    try {
      Subscription created = rules.create(tenant, form.toRequest(null));
      return savedRedirect(tenant, created.id());
    } catch (ApiException e) {
      return refused(tenant, null, form, e);
    } catch (SubscriptionForm.InvalidStep e) {
      return invalid(tenant, null, form, e);
    }
  }

  @POST
  @Path("subscriptions/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      MultivaluedMap<String, String> fields) {
    SubscriptionForm form = SubscriptionForm.read(fields);
    try {
      Subscription saved = rules.subscription(tenant, id);
      rules.replace(tenant, id, form.toRequest(saved));
      return savedRedirect(tenant, id);
    } catch (ApiException e) {
      return refused(tenant, id, form, e);
    } catch (SubscriptionForm.InvalidStep e) {
      return invalid(tenant, id, form, e);
    }
  }

  /** The editor's live check: a fragment that says whether the filter compiles, and where not. */
  @GET
  @Path("filter-check")
  public TemplateInstance checkFilter(
      @PathParam("tenant") String tenant, @QueryParam("filter") String filter) {
    return Templates.filterCheck(pointer(tenant, filter));
  }

  /** Try it: a dry run on a vendor sample or a received event; nothing is sent. */
  @POST
  @Path("subscriptions/{id}/try")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance tryIt(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @RestForm String sample,
      @RestForm String eventId) {
    Map<String, Object> event = new LinkedHashMap<>();
    if (eventId != null && !eventId.isBlank()) {
      event.put("eventId", eventId.trim());
    } else if (sample != null && sample.contains("|")) {
      String[] parts = sample.split("\\|", 2);
      event.put("sample", Map.of("vendor", parts[0], "type", parts[1]));
    } else {
      return Templates.tryResult(null, "Pick a sample or give a received event's id.");
    }
    try {
      return Templates.tryResult(rules.dryRun(tenant, id, event), null);
    } catch (ApiException e) {
      if (!e.isInputProblem() && e.status() != 404) {
        throw e;
      }
      return Templates.tryResult(null, e.summary());
    }
  }

  /** Mock send: the receiver sends a vendor sample through the source, as the vendor would. */
  @POST
  @Path("subscriptions/{id}/mock")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance mockSend(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @RestForm String sourceId,
      @RestForm String sample) {
    if (sourceId == null || sourceId.isBlank() || sample == null || !sample.contains("|")) {
      return Templates.mockResult(false, "Pick a source and a sample.");
    }
    String[] parts = sample.split("\\|", 2);
    try {
      receiver.mockSend(tenant, sourceId, Map.of("vendor", parts[0], "type", parts[1]));
      return Templates.mockResult(
          true, "Sent through the source. Watch for it under Deliveries in a moment.");
    } catch (ApiException e) {
      String message =
          e.status() == 404
              ? "This receiver does not offer mock sends yet (it answered 404)."
              : e.summary();
      return Templates.mockResult(false, message);
    }
  }

  private FilterPointer pointer(String tenant, String filter) {
    if (filter == null || filter.isBlank()) {
      return FilterPointer.of(filter, null);
    }
    return FilterPointer.of(filter, rules.checkFilter(tenant, Map.of("filter", filter)));
  }

  private Response savedRedirect(String tenant, String id) {
    return Response.seeOther(URI.create("/console/" + tenant + "/subscriptions/" + id + "?saved=1"))
        .build();
  }

  private Response refused(String tenant, String id, SubscriptionForm form, ApiException e) {
    if (!e.isInputProblem()) {
      throw e;
    }
    return Response.status(e.status()).entity(editor(tenant, id, form, e.summary(), null)).build();
  }

  private Response invalid(
      String tenant, String id, SubscriptionForm form, SubscriptionForm.InvalidStep e) {
    return Response.status(400).entity(editor(tenant, id, form, e.getMessage(), null)).build();
  }

  private TemplateInstance editor(
      String tenant, String id, SubscriptionForm form, String problem, String notice) {
    String title = id == null ? "New subscription" : form.name();
    Page page = user.page(tenant, "subscriptions", title).withNotice(notice);
    return Templates.editor(
        page,
        id,
        form,
        pointer(tenant, form.filter()),
        receiver.vendors(),
        delivery.destinations(tenant),
        receiver.sources(tenant),
        SubscriptionForm.PRESETS,
        problem);
  }

  private static Set<String> catalogueTypes(List<Vendor> vendors) {
    Set<String> types = new HashSet<>();
    vendors.forEach(v -> types.addAll(v.eventTypes() == null ? List.of() : v.eventTypes()));
    return types;
  }
}
