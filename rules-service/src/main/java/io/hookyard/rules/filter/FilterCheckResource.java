package io.hookyard.rules.filter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookyard.common.tenancy.Roles;
import io.hookyard.common.tenancy.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Checks a filter without saving anything, so an editor can point at the error while the user
 * types. A malformed filter is an answer here (200 with {@code valid: false}), not a bad request.
 */
@Path("/api/v1/tenants/{tenant}/filters/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FilterCheckResource {
  private final TenantAccess access;

  public FilterCheckResource(TenantAccess access) {
    this.access = access;
  }

  /** The filter to check; as long as a subscription's filter may be. */
  public record FilterCheckRequest(@NotNull @Size(max = 4096) String filter) {}

  /** Whether the filter compiles, and if not, where and why not (1-based line and column). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FilterCheck(
      boolean valid, Integer line, Integer column, Integer offset, String reason) {
    static final FilterCheck VALID = new FilterCheck(true, null, null, null, null);
  }

  @POST
  @RolesAllowed({Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
  public FilterCheck check(
      @PathParam("tenant") String tenant, @Valid @NotNull FilterCheckRequest request) {
    access.requireMember(tenant);
    if (request.filter().isBlank()) {
      return FilterCheck.VALID;
    }
    try {
      FilterCompiler.validate(request.filter());
      return FilterCheck.VALID;
    } catch (FilterSyntaxException e) {
      return new FilterCheck(false, e.line(), e.column(), e.offset(), e.reason());
    }
  }
}
