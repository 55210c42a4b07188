package io.hookyard.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's settings. */
@ConfigMapping(prefix = "hookyard.console")
public interface ConsoleConfig {

  /** The ID token claim that names the user's tenant (a string or an array of strings). */
  @WithDefault("tenant")
  String tenantClaim();

  /** Deliveries per page of the log and of the dead letters. */
  @WithDefault("50")
  int pageSize();

  /** How many of a source's latest requests its page shows. */
  @WithDefault("20")
  int recentRequests();
}
