package io.hookyard.common.tenancy;

import io.hookyard.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks that the caller may act on a tenant. Resources call it first thing; a caller from another
 * tenant gets the same 404 as for a tenant that does not exist, so nothing leaks about which
 * tenants exist.
 */
@RequestScoped
public class TenantAccess {
  private static final Pattern TENANT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final SecurityIdentity identity;
  private final TenancyConfig config;

  public TenantAccess(SecurityIdentity identity, TenancyConfig config) {
    this.identity = identity;
    this.config = config;
  }

  /** The caller may read the tenant's configuration and logs. */
  public void requireMember(String tenant) {
    if (!isValidName(tenant) || !isMember(tenant)) {
      throw ProblemException.notFound("No tenant '" + safe(tenant) + "' is visible to you.");
    }
  }

  public static boolean isValidName(String tenant) {
    return tenant != null && TENANT_NAME.matcher(tenant).matches();
  }

  private boolean isMember(String tenant) {
    return isMember(identity, config.tenantClaim(), tenant);
  }

  /**
   * Whether {@code identity} may see {@code tenant}: a hookyard-admin, or a member by its claim.
   */
  static boolean isMember(SecurityIdentity identity, String tenantClaim, String tenant) {
    if (identity.hasRole(Roles.HOOKYARD_ADMIN)) {
      return true;
    }
    if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
      return false;
    }
    Object claim = token.getClaim(tenantClaim);
    return switch (claim) {
      case null -> false;
      case String single -> single.equals(tenant);
      case Collection<?> many -> many.stream().anyMatch(value -> unquote(value).equals(tenant));
      default -> unquote(claim).equals(tenant);
    };
  }

  // MicroProfile JWT hands array elements back as JSON values whose toString keeps the quotes.
  private static String unquote(Object value) {
    String text = String.valueOf(value);
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1)
        : text;
  }

  private static String safe(String tenant) {
    return isValidName(tenant) ? tenant : "?";
  }
}
