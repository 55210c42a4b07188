package io.hookyard.common.testing;

import java.util.UUID;

/** Per-test tenants: every test works in a tenant of its own, so tests never see each other. */
public final class TestTenants {
  private TestTenants() {}

  public static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 12);
  }
}
