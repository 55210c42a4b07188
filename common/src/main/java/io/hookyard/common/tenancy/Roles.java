package io.hookyard.common.tenancy;

/** The roles Hookyard reads from OIDC tokens. */
public final class Roles {
  /** Manages tenants and sees everything. */
  public static final String HOOKYARD_ADMIN = "hookyard-admin";

  /** Manages its own tenant's configuration and can replay. */
  public static final String TENANT_ADMIN = "tenant-admin";

  /** Reads its own tenant's configuration (never secrets) and logs. */
  public static final String TENANT_VIEWER = "tenant-viewer";

  /** Carried by the services' own client-credentials tokens; opens the internal endpoints. */
  public static final String SERVICE = "hookyard-service";

  private Roles() {}
}
