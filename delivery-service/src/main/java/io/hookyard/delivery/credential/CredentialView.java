package io.hookyard.delivery.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A credential as the API shows it: what it is and its parts that are not secret. {@code secret} is
 * set only in the answer to the request that created it; no other answer holds it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialView(
    String id,
    String tenant,
    String name,
    CredentialKind kind,
    String username,
    String header,
    String tokenUrl,
    String clientId,
    String scope,
    String secret,
    Instant createdAt,
    Instant updatedAt) {

  static CredentialView of(Credential c, String secret) {
    return new CredentialView(
        c.id,
        c.tenant,
        c.name,
        c.kind,
        c.settings.get("username"),
        c.settings.get("header"),
        c.settings.get("tokenUrl"),
        c.settings.get("clientId"),
        c.settings.get("scope"),
        secret,
        c.createdAt,
        c.updatedAt);
  }
}
