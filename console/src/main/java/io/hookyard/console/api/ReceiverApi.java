package io.hookyard.console.api;

import io.hookyard.console.api.Model.RequestLogPage;
import io.hookyard.console.api.Model.Source;
import io.hookyard.console.api.Model.Vendor;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** receiver-service's management API: sources, their request log, the vendor catalogue. */
@RegisterRestClient(configKey = "receiver")
@RegisterClientHeaders(BearerToken.class)
@RegisterProvider(ApiFailures.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ReceiverApi {

  @GET
  @Path("tenants/{tenant}/sources")
  List<Source> sources(@PathParam("tenant") String tenant);

  @GET
  @Path("tenants/{tenant}/sources/{id}")
  Source source(@PathParam("tenant") String tenant, @PathParam("id") String id);

  @POST
  @Path("tenants/{tenant}/sources")
  @Consumes(MediaType.APPLICATION_JSON)
  Source createSource(@PathParam("tenant") String tenant, Map<String, Object> source);

  @POST
  @Path("tenants/{tenant}/sources/{id}/rotate-secret")
  @Consumes(MediaType.APPLICATION_JSON)
  Source rotateSecret(
      @PathParam("tenant") String tenant, @PathParam("id") String id, Map<String, Object> body);

  /** Sends a vendor sample through the source as if the vendor had sent it. */
  @POST
  @Path("tenants/{tenant}/sources/{id}/mock")
  @Consumes(MediaType.APPLICATION_JSON)
  Map<String, Object> mockSend(
      @PathParam("tenant") String tenant, @PathParam("id") String id, Map<String, Object> body);

  @GET
  @Path("tenants/{tenant}/requests")
  RequestLogPage requests(
      @PathParam("tenant") String tenant,
      @QueryParam("sourceId") String sourceId,
      @QueryParam("verdict") String verdict,
      @QueryParam("limit") Integer limit);

  @GET
  @Path("vendors")
  List<Vendor> vendors();

  @GET
  @Path("vendors/{vendor}")
  Vendor vendor(@PathParam("vendor") String vendor);
}
