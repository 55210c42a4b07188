package io.hookyard.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the management API ({@code /api/...}), the same in every service. */
@ConfigMapping(prefix = "hookyard.api")
public interface ManagementApiConfig {

  /** The largest request body the management API accepts, in bytes. */
  @WithDefault("262144")
  long maxBodySize();

  /** Requests per minute one caller may make to one service's management API. */
  @WithDefault("600")
  int requestsPerMinute();

  /** Requests a caller may make at once, above the steady rate. */
  @WithDefault("100")
  int burst();
}
