package io.hookyard.common.tenancy;

import io.hookyard.common.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks tenant membership for every endpoint with a {@code {tenant}} path segment, before its body
 * is read or validated, so an endpoint cannot forget it and a caller from another tenant always
 * gets the same 404 as for a tenant that does not exist. Callers without a token, and callers
 * without a user role (a service token), are left to the endpoint's role check, which answers 401
 * and 403. Resources still call {@link TenantAccess#requireMember} themselves.
 */
public class TenantGuard {
  private static final Set<String> USER_ROLES =
      Set.of(Roles.HOOKYARD_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER);

  private final CurrentIdentityAssociation identities;
  // Filters are created at static init, before runtime configuration exists: read it when used.
  private final Instance<TenancyConfig> config;

  public TenantGuard(CurrentIdentityAssociation identities, Instance<TenancyConfig> config) {
    this.identities = identities;
    this.config = config;
  }

  @ServerRequestFilter
  public Uni<Void> requireMembership(UriInfo uri) {
    String tenant = uri.getPathParameters().getFirst("tenant");
    if (tenant == null) {
      return Uni.createFrom().voidItem();
    }
    return identities
        .getDeferredIdentity()
        .onItem()
        .transformToUni(identity -> check(identity, tenant));
  }

  private Uni<Void> check(SecurityIdentity identity, String tenant) {
    if (identity.isAnonymous() || USER_ROLES.stream().noneMatch(identity::hasRole)) {
      return Uni.createFrom().voidItem();
    }
    if (TenantAccess.isValidName(tenant)
        && TenantAccess.isMember(identity, config.get().tenantClaim(), tenant)) {
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom()
        .failure(
            ProblemException.notFound(
                "No tenant '"
                    + (TenantAccess.isValidName(tenant) ? tenant : "?")
                    + "' is visible to you."));
  }
}
