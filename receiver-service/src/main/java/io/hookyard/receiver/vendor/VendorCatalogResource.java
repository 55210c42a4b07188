package io.hookyard.receiver.vendor;

import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The vendor catalogue: every vendor the receiver speaks, how its secret is set up, and the event
 * types it sends with a sample payload each. The same for every tenant.
 */
@Path("/api/v1/vendors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
public class VendorCatalogResource {
  private final VendorAdapters adapters;

  public VendorCatalogResource(VendorAdapters adapters) {
    this.adapters = adapters;
  }

  /** A vendor in the catalogue; samples only in the single-vendor view. */
  public record VendorView(
      String vendor,
      String displayName,
      VendorProfile.SecretOrigin secret,
      List<String> methods,
      List<String> eventTypes,
      List<EventSample> samples) {

    static VendorView of(String vendor, VendorProfile profile, boolean withSamples) {
      return new VendorView(
          vendor,
          profile.displayName(),
          profile.secret(),
          profile.methods(),
          profile.samples().stream().map(EventSample::type).toList(),
          withSamples ? profile.samples() : null);
    }
  }

  @GET
  public List<VendorView> list() {
    return adapters.vendors().stream()
        .map(vendor -> VendorView.of(vendor, adapters.profile(vendor), false))
        .toList();
  }

  @GET
  @Path("{vendor}")
  public VendorView get(@PathParam("vendor") String vendor) {
    VendorProfile profile = adapters.profile(vendor);
    if (profile == null) {
      throw ProblemException.notFound("No vendor '" + vendor + "'.");
    }
    return VendorView.of(vendor, profile, true);
  }
}
