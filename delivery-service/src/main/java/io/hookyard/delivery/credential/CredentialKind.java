package io.hookyard.delivery.credential;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a credential is, which says how it is applied to a request and what its secret is. */
public enum CredentialKind {
  /** An API token, sent as {@code Authorization: Bearer <token>}. */
  API_TOKEN("token"),
  /** A user name and password, sent as HTTP basic authentication. */
  BASIC("password"),
  /** A header of the tenant's choosing and its value. */
  HEADER("value"),
  /** OAuth2 client credentials: an access token is fetched, cached, and sent as a bearer token. */
  OAUTH2("clientSecret");

  private final String secretField;

  CredentialKind(String secretField) {
    this.secretField = secretField;
  }

  /** The request field that holds the secret part, which is stored sealed and never shown. */
  public String secretField() {
    return secretField;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static CredentialKind fromWire(String name) {
    for (CredentialKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("must be api_token, basic, header or oauth2");
  }
}
