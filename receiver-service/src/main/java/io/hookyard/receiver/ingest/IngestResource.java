package io.hookyard.receiver.ingest;

import io.hookyard.receiver.vendor.IncomingRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The per-tenant, per-source webhook URL. Vendors never use OIDC here: each source authenticates
 * its own requests (see {@link io.hookyard.receiver.vendor.VendorAdapter}).
 */
@Path("/hooks/{tenant}/{source}")
@PermitAll
public class IngestResource {
  private final IngestService ingest;

  public IngestResource(IngestService ingest) {
    this.ingest = ingest;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Receive a webhook; answers 202 once the event is committed")
  public Response receive(
      @PathParam("tenant") String tenant,
      @PathParam("source") String source,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      byte[] body) {
    IncomingRequest request =
        new IncomingRequest(
            "POST",
            lowerCaseNames(headers.getRequestHeaders()),
            uri.getQueryParameters(),
            headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
            body == null ? new byte[0] : body);
    AcceptedEvent accepted = ingest.accept(tenant, source, request);
    return Response.accepted(Map.of("id", accepted.id(), "duplicate", accepted.duplicate()))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return lower;
  }
}
