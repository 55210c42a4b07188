package io.hookyard.receiver.ingest;

import io.hookyard.receiver.vendor.IncomingRequest;
import io.hookyard.receiver.vendor.Reply;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The per-tenant, per-source webhook URL. Vendors never use OIDC here: each source authenticates
 * its own requests through its vendor adapter, which also says which methods it takes (Tactical RMM
 * may use any; verification handshakes come as GET).
 */
@Path("/hooks/{tenant}/{source}")
@PermitAll
// On the event loop: the body is read without blocking, and the answer waits for the group commit
// without holding a thread.
@NonBlocking
@Consumes(MediaType.WILDCARD)
public class IngestResource {
  private final IngestService ingest;

  public IngestResource(IngestService ingest) {
    this.ingest = ingest;
  }

  @POST
  @Operation(summary = "Receive a webhook; answers 202 once the event is committed")
  public CompletionStage<Response> post(
      @PathParam("tenant") String tenant,
      @PathParam("source") String source,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      byte[] body) {
    return receive("POST", tenant, source, headers, uri, body);
  }

  @PUT
  @Operation(summary = "Receive a webhook sent with PUT")
  public CompletionStage<Response> put(
      @PathParam("tenant") String tenant,
      @PathParam("source") String source,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      byte[] body) {
    return receive("PUT", tenant, source, headers, uri, body);
  }

  @PATCH
  @Operation(summary = "Receive a webhook sent with PATCH")
  public CompletionStage<Response> patch(
      @PathParam("tenant") String tenant,
      @PathParam("source") String source,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      byte[] body) {
    return receive("PATCH", tenant, source, headers, uri, body);
  }

  @GET
  @Operation(summary = "Answer a vendor's verification handshake, or a webhook sent with GET")
  public CompletionStage<Response> get(
      @PathParam("tenant") String tenant,
      @PathParam("source") String source,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return receive("GET", tenant, source, headers, uri, null);
  }

  @DELETE
  @Operation(summary = "Receive a webhook sent with DELETE")
  public CompletionStage<Response> delete(
      @PathParam("tenant") String tenant,
      @PathParam("source") String source,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return receive("DELETE", tenant, source, headers, uri, null);
  }

  private CompletionStage<Response> receive(
      String method, String tenant, String source, HttpHeaders headers, UriInfo uri, byte[] body) {
    IncomingRequest request =
        new IncomingRequest(
            method,
            lowerCaseNames(headers.getRequestHeaders()),
            uri.getRequestUri().getRawQuery(),
            uri.getQueryParameters(),
            headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
            body == null ? new byte[0] : body);
    return ingest.receive(tenant, source, request).thenApply(IngestResource::toResponse);
  }

  private static Response toResponse(Reply reply) {
    Response.ResponseBuilder response = Response.status(reply.status());
    if (reply.contentType() != null) {
      response.type(reply.contentType()).entity(reply.body());
    }
    return response.build();
  }

  private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return lower;
  }
}
