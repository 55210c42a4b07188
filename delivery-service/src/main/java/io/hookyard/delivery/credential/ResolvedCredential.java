package io.hookyard.delivery.credential;

import java.time.Instant;
import java.util.Map;

/**
 * A credential with its secret opened, as the sending path uses it. Never logged, never returned by
 * the API; {@link #toString()} leaves the secret out.
 *
 * @param version when it was last replaced, so a cached OAuth2 token of an older version is dropped
 */
public record ResolvedCredential(
    String id,
    String tenant,
    String name,
    CredentialKind kind,
    Map<String, String> settings,
    String secret,
    Instant version) {

  public String setting(String name) {
    return settings.get(name);
  }

  @Override
  public String toString() {
    return "ResolvedCredential[" + id + ", " + name + ", " + kind + "]";
  }
}
