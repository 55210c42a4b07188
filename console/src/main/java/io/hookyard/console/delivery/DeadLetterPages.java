package io.hookyard.console.delivery;

import io.hookyard.console.ConsoleConfig;
import io.hookyard.console.api.DeliveryApi;
import io.hookyard.console.api.LogQuery;
import io.hookyard.console.api.Model.DeliveryPage;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** Dead letters: deliveries whose retries ran out or whose destination is gone; bulk replay. */
@Path("/console/{tenant: [a-z0-9][a-z0-9-]{0,62}}/dead-letters")
@Produces(MediaType.TEXT_HTML)
public class DeadLetterPages {
  /** Dead letters older than the log's retention are gone anyway. */
  static final Duration REPLAY_ALL_RANGE = Duration.ofDays(30);

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        Page page,
        LogQuery filter,
        DeliveryPage dead,
        String olderLink,
        String replayAllSince,
        LogLookups.Names names);
  }

  private final DeliveryApi delivery;
  private final LogLookups lookups;
  private final ConsoleUser user;
  private final ConsoleConfig config;

  public DeadLetterPages(
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
  public TemplateInstance list(
      @PathParam("tenant") String tenant,
      @BeanParam LogQuery query,
      @QueryParam("replay") String replayId,
      @QueryParam("replayed") Integer replayed) {
    LogQuery filter = query.normalized();
    LogQuery api = filter.normalized();
    api.status = "dead";
    api.limit = config.pageSize();
    DeliveryPage dead = delivery.deliveries(tenant, api);
    String notice =
        replayed != null
            ? replayed + " dead letter" + (replayed == 1 ? "" : "s") + " queued again."
            : lookups.replayNotice(tenant, replayId);
    Page page = user.page(tenant, "dead-letters", "Dead letters").withNotice(notice);
    String older =
        dead.nextCursor() == null
            ? null
            : DeliveryPages.link(
                "/console/" + tenant + "/dead-letters", filter.filters(), dead.nextCursor());
    return Templates.list(
        page,
        filter,
        dead,
        older,
        Instant.now().minus(REPLAY_ALL_RANGE).toString(),
        lookups.names(tenant));
  }

  /** Replays the dead letters ticked on the page, one replay each. */
  @POST
  @Path("replay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response replaySelected(@PathParam("tenant") String tenant, @RestForm List<String> id) {
    List<String> ids = id == null ? List.of() : id;
    int queued = 0;
    for (String deliveryId : ids) {
      queued += delivery.replayOne(tenant, deliveryId, false).queued();
    }
    return Response.seeOther(
            UriBuilder.fromPath("/console/" + tenant + "/dead-letters")
                .queryParam("replayed", queued)
                .build())
        .build();
  }
}
