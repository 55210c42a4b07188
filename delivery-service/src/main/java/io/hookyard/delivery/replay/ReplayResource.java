package io.hookyard.delivery.replay;

import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import io.hookyard.delivery.delivery.DeliveryWorker;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Replays of a tenant's deliveries: one by id, or many by filter. Tenant admins replay; viewers may
 * read replays. An {@code Idempotency-Key} header makes a repeated request return the first one's
 * replay (200 with {@code Idempotent-Replayed: true}) instead of replaying again.
 */
@Path("/api/v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final ReplayService replays;
  private final DeliveryWorker worker;
  private final TenantAccess access;
  private final SecurityIdentity identity;

  public ReplayResource(
      ReplayService replays,
      DeliveryWorker worker,
      TenantAccess access,
      SecurityIdentity identity) {
    this.replays = replays;
    this.worker = worker;
    this.access = access;
    this.identity = identity;
  }

  @POST
  @Path("deliveries/{id}/replay")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public Response replayOne(
      @PathParam("tenant") String tenant,
      @PathParam("id") String id,
      @QueryParam("includeSucceeded") String includeSucceeded,
      @HeaderParam(IDEMPOTENCY_KEY) String key,
      @Context UriInfo uri) {
    access.requireMember(tenant);
    boolean succeededToo = flag("includeSucceeded", includeSucceeded);
    return answer(replays.replayOne(tenant, id, succeededToo, caller(key)), tenant, uri);
  }

  @POST
  @Path("replays")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN})
  public Response replayMatching(
      @PathParam("tenant") String tenant,
      @Valid @NotNull ReplayRequest request,
      @HeaderParam(IDEMPOTENCY_KEY) String key,
      @Context UriInfo uri) {
    access.requireMember(tenant);
    return answer(replays.replayMatching(tenant, request, caller(key)), tenant, uri);
  }

  @GET
  @Path("replays/{replayId}")
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public ReplayView get(
      @PathParam("tenant") String tenant, @PathParam("replayId") String replayId) {
    access.requireMember(tenant);
    return replays.get(tenant, replayId);
  }

  private Response answer(ReplayService.Outcome outcome, String tenant, UriInfo uri) {
    ReplayView replay = outcome.replay();
    URI location =
        uri.getBaseUriBuilder()
            .path("api/v1/tenants/{tenant}/replays/{id}")
            .build(tenant, replay.id());
    if (outcome.repeated()) {
      return Response.ok(replay).location(location).header(REPLAYED_HEADER, "true").build();
    }
    if (replay.queued() > 0) {
      worker.signal();
    }
    return Response.created(location).entity(replay).build();
  }

  private ReplayService.Caller caller(String key) {
    if (key != null && !KEY.matcher(key).matches()) {
      throw ProblemException.badRequest(
          "invalid-idempotency-key",
          "The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
    }
    return new ReplayService.Caller(callerName(), key);
  }

  /**
   * Who asked, as the replay records it: the token's user name, else its subject, else the client
   * it was issued to. An issuer may leave out any of these claims, and a replay must still say
   * whose it was rather than fail.
   */
  private String callerName() {
    String name = identity.getPrincipal().getName();
    String subject = null;
    String client = null;
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      subject = token.getSubject();
      client = token.getClaim("azp") == null ? null : token.getClaim("azp").toString();
    }
    return Stream.of(name, subject, client)
        .filter(candidate -> candidate != null && !candidate.isBlank())
        .findFirst()
        .orElse("unknown caller");
  }

  private static boolean flag(String name, String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ProblemException.badRequest("invalid-query", name + " must be true or false.");
  }
}
