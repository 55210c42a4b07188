package io.hookyard.console.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hookyard.console.ConsoleConfig;
import io.hookyard.console.api.DeliveryApi;
import io.hookyard.console.api.LogQuery;
import io.hookyard.console.api.Model.Delivery;
import io.hookyard.console.api.Model.DeliveryPage;
import io.hookyard.console.api.Model.Replay;
import io.hookyard.console.api.Model.Summary;
import io.hookyard.console.web.ConsoleUser;
import io.hookyard.console.web.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The delivery log: counters, a chart of outcomes, filters, details with attempts, replay. */
@Path("/console/{tenant: [a-z0-9][a-z0-9-]{0,62}}")
@Produces(MediaType.TEXT_HTML)
public class DeliveryPages {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        Page page,
        LogQuery filter,
        TimeRange range,
        Summary summary,
        OutcomeChart chart,
        List<Delivery> deliveries,
        String olderLink,
        CounterLinks counterLinks,
        LogLookups.Names names);

    static native TemplateInstance detail(
        Page page, Delivery delivery, String event, LogLookups.Names names);
  }

  private final DeliveryApi delivery;
  private final LogLookups lookups;
  private final ConsoleUser user;
  private final ConsoleConfig config;
  private final Clock clock = Clock.systemUTC();

  public DeliveryPages(
      @RestClient DeliveryApi delivery,
      LogLookups lookups,
      ConsoleUser user,
      ConsoleConfig config) {
    this.delivery = delivery;
    this.lookups = lookups;
    this.user = user;
    this.config = config;
  }

  @GET
  @Path("deliveries")
  public TemplateInstance list(
      @PathParam("tenant") String tenant,
      @BeanParam LogQuery query,
      @QueryParam("replay") String replayId) {
    LogQuery filter = query.normalized();
    Instant now = clock.instant();
    TimeRange range = TimeRange.of(filter.since, filter.until, now);
    Summary summary =
        delivery.summary(
            tenant,
            range.period(now),
            range.sinceText(),
            range.untilText(),
            filter.eventType,
            filter.destinationId,
            filter.subscriptionId);
    DeliveryPage found = delivery.deliveries(tenant, apiQuery(filter, range));
    Page page =
        user.page(tenant, "deliveries", "Deliveries")
            .withNotice(lookups.replayNotice(tenant, replayId));
    String older =
        found.nextCursor() == null
            ? null
            : link("/console/" + tenant + "/deliveries", filter.filters(), found.nextCursor());
    return Templates.list(
        page,
        filter,
        range,
        summary,
        OutcomeChart.of(summary),
        found.items(),
        older,
        CounterLinks.of("/console/" + tenant + "/deliveries", filter.filters()),
        lookups.names(tenant));
  }

  /** Where each counter leads: the same filters, with the counter's status (none for all). */
  public record CounterLinks(
      String all, String succeeded, String failing, String pending, String dead) {

    static CounterLinks of(String path, Map<String, String> filters) {
      return new CounterLinks(
          withStatus(path, filters, null),
          withStatus(path, filters, "succeeded"),
          withStatus(path, filters, "failing"),
          withStatus(path, filters, "pending"),
          withStatus(path, filters, "dead"));
    }

    private static String withStatus(String path, Map<String, String> filters, String status) {
      Map<String, String> kept = new LinkedHashMap<>(filters);
      kept.remove("status");
      if (status != null) {
        kept.put("status", status);
      }
      return link(path, kept, null);
    }
  }

  @GET
  @Path("deliveries/{id}")
  public TemplateInstance detail(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @QueryParam("replay") String replayId) {
    Delivery found = delivery.delivery(tenant, id);
    Page page =
        user.page(tenant, "deliveries", "Delivery " + id)
            .withNotice(lookups.replayNotice(tenant, replayId));
    return Templates.detail(page, found, pretty(found), lookups.names(tenant));
  }

  /** Replays one delivery, then goes back to the page the button was on. */
  @POST
  @Path("deliveries/{id}/replay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response replayOne(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @RestForm String back,
      @RestForm boolean includeSucceeded) {
    Replay replay = delivery.replayOne(tenant, id, includeSucceeded);
    String target =
        "dead-letters".equals(back)
            ? "/console/" + tenant + "/dead-letters"
            : "/console/" + tenant + "/deliveries/" + id;
    return Response.seeOther(UriBuilder.fromPath(target).queryParam("replay", replay.id()).build())
        .build();
  }

  /** Replays every delivery the current filter shows, by the whole filter. */
  @POST
  @Path("replays")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response replayMatching(
      @PathParam("tenant") String tenant,
      @RestForm String since,
      @RestForm String until,
      @RestForm String status,
      @RestForm String responseCode,
      @RestForm String deliveryId,
      @RestForm String eventType,
      @RestForm String destinationId,
      @RestForm String subscriptionId,
      @RestForm String back) {
    LogQuery form = new LogQuery();
    form.since = since;
    form.until = until;
    form.status = status;
    form.responseCode = responseCode;
    form.deliveryId = deliveryId;
    form.eventType = eventType;
    form.destinationId = destinationId;
    form.subscriptionId = subscriptionId;
    TimeRange range = TimeRange.of(since, until, clock.instant());
    Replay replay =
        delivery.replayMatching(tenant, form.replayCriteria(range.sinceText(), range.untilText()));
    String target =
        "dead-letters".equals(back)
            ? "/console/" + tenant + "/dead-letters"
            : "/console/" + tenant + "/deliveries";
    UriBuilder uri = UriBuilder.fromPath(target);
    form.filters().forEach(uri::queryParam);
    return Response.seeOther(uri.queryParam("replay", replay.id()).build()).build();
  }

  private LogQuery apiQuery(LogQuery filter, TimeRange range) {
    LogQuery api = filter.normalized();
    api.since = range.sinceText();
    api.until = range.untilText();
    api.status = api.status == null ? null : api.status.toLowerCase(Locale.ROOT);
    api.limit = config.pageSize();
    return api;
  }

  static String link(String path, Map<String, String> filters, String cursor) {
    UriBuilder uri = UriBuilder.fromPath(path);
    filters.forEach(uri::queryParam);
    if (cursor != null) {
      uri.queryParam("cursor", cursor);
    }
    return uri.build().toString();
  }

  private static String pretty(Delivery found) {
    if (found.event() == null) {
      return "";
    }
    try {
      return PRETTY.writeValueAsString(found.event());
    } catch (JsonProcessingException e) {
      return found.event().toString();
    }
  }
}
