package io.hookyard.delivery.credential;

import java.util.Map;
import java.util.Set;

/**
 * A credential ready for one request: the headers that authenticate it, the fields templates see as
 * {@code credentials.<name>.<field>}, and every secret value, which the delivery log masks wherever
 * it shows up.
 *
 * @param bearerToken the OAuth2 access token used, or null for other kinds
 */
public record AppliedCredential(
    ResolvedCredential credential,
    Map<String, String> headers,
    Map<String, String> fields,
    Set<String> secrets,
    String bearerToken) {

  @Override
  public String toString() {
    return "AppliedCredential[" + credential + "]";
  }
}
