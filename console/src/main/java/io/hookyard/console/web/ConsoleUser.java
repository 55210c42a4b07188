package io.hookyard.console.web;

import io.hookyard.console.ConsoleConfig;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user, read from the session's tokens. */
@RequestScoped
public class ConsoleUser {
  static final String HOOKYARD_ADMIN = "hookyard-admin";
  static final String TENANT_ADMIN = "tenant-admin";
  static final String TENANT_VIEWER = "tenant-viewer";

  @Inject SecurityIdentity identity;
  @Inject @IdToken JsonWebToken idToken;
  @Inject ConsoleConfig config;

  public Viewer viewer() {
    return new Viewer(name(), role(), canWrite(), tenants());
  }

  /** A page of the tenant, for the given section of the navigation. */
  public Page page(String tenant, String section, String title) {
    return new Page(title, tenant, section, viewer(), null);
  }

  public boolean isHookyardAdmin() {
    return identity.hasRole(HOOKYARD_ADMIN);
  }

  boolean canWrite() {
    return isHookyardAdmin() || identity.hasRole(TENANT_ADMIN);
  }

  private String role() {
    if (isHookyardAdmin()) {
      return "Hookyard admin";
    }
    if (identity.hasRole(TENANT_ADMIN)) {
      return "Tenant admin";
    }
    return identity.hasRole(TENANT_VIEWER) ? "Viewer" : "No role";
  }

  private String name() {
    String preferred = idToken.getClaim("preferred_username");
    return preferred != null ? preferred : identity.getPrincipal().getName();
  }

  /** The tenants the user belongs to, from the tenant claim. */
  public List<String> tenants() {
    Object claim = idToken.getClaim(config.tenantClaim());
    return switch (claim) {
      case null -> List.of();
      case String single -> List.of(single);
      case Collection<?> many -> many.stream().map(ConsoleUser::unquote).toList();
      default -> List.of(unquote(claim));
    };
  }

  // MicroProfile JWT hands array elements back as JSON values whose toString keeps the quotes.
  private static String unquote(Object value) {
    String text = String.valueOf(value);
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1)
        : text;
  }
}
