package io.hookyard.common.secret;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * The keys that encrypt secrets at rest. In production they come from a Kubernetes Secret through
 * the environment ({@code HOOKYARD_SECRETS_ACTIVE_KEY}, {@code HOOKYARD_SECRETS_KEYS_<ID>}).
 */
@ConfigMapping(prefix = "hookyard.secrets")
public interface SecretsConfig {

  /** The id of the key new values are encrypted with; required by services that store secrets. */
  Optional<String> activeKey();

  /** Every key that may still be needed to decrypt, by id: 32 bytes, base64. */
  Map<String, String> keys();
}
