package io.hookyard.common.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a token says which tenants its bearer belongs to. */
@ConfigMapping(prefix = "hookyard.tenancy")
public interface TenancyConfig {

  /** The token claim that holds the caller's tenant (a string, or an array of strings). */
  @WithDefault("tenant")
  String tenantClaim();
}
