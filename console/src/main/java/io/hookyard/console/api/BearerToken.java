package io.hookyard.console.api;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Calls the APIs with the signed-in user's own access token, so every role and tenant check stays
 * where it is, in the services; the console decides nothing about access itself.
 */
@ApplicationScoped
public class BearerToken implements ClientHeadersFactory {
  private final SecurityIdentity identity;

  public BearerToken(SecurityIdentity identity) {
    this.identity = identity;
  }

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
    if (token != null) {
      headers.add("Authorization", "Bearer " + token.getToken());
    }
    return headers;
  }
}
