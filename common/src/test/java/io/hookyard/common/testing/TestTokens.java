package io.hookyard.common.testing;

import io.hookyard.common.tenancy.Roles;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/**
 * Real signed JWTs for tests, verified by the WireMock OIDC server of {@code
 * quarkus-test-oidc-server} (its private key is {@code privateKey.jwk} on the test classpath).
 */
public final class TestTokens {
  public static final String ISSUER = "https://server.example.com";

  /** The client that people's test tokens say they were issued to ({@code azp}). */
  public static final String TEST_CLIENT = "hookyard-test-cli";

  private TestTokens() {}

  public static String tenantAdmin(String tenant) {
    return token("admin-of-" + tenant, Roles.TENANT_ADMIN, tenant);
  }

  public static String tenantViewer(String tenant) {
    return token("viewer-of-" + tenant, Roles.TENANT_VIEWER, tenant);
  }

  public static String hookyardAdmin() {
    return token("operator", Roles.HOOKYARD_ADMIN, null);
  }

  /** A client-credentials token of one of Hookyard's own services. */
  public static String service() {
    return Jwt.preferredUserName("service-account-hookyard")
        .subject("service-account-hookyard")
        .groups(Set.of(Roles.SERVICE))
        .claim("azp", "hookyard-test-service")
        .issuer(ISSUER)
        .audience("https://service.example.com")
        .sign();
  }

  public static String token(String user, String role, String tenant) {
    var builder =
        Jwt.preferredUserName(user)
            .subject(user)
            .groups(Set.of(role))
            .issuer(ISSUER)
            .audience("https://service.example.com")
            .claim("azp", TEST_CLIENT);
    if (tenant != null) {
      builder.claim("tenant", tenant);
    }
    return builder.sign();
  }
}
