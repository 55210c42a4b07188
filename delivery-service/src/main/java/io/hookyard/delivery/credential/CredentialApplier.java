package io.hookyard.delivery.credential;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a credential into what a request needs: an API token or an OAuth2 access token as {@code
 * Authorization: Bearer}, basic authentication, or the tenant's own header.
 */
@ApplicationScoped
public class CredentialApplier {
  private final OAuth2Tokens tokens;

  public CredentialApplier(OAuth2Tokens tokens) {
    this.tokens = tokens;
  }

  /**
   * @throws CredentialException when an OAuth2 token cannot be had
   */
  public AppliedCredential apply(ResolvedCredential credential) {
    Map<String, String> fields = new LinkedHashMap<>();
    return switch (credential.kind()) {
      case API_TOKEN -> {
        fields.put("token", credential.secret());
        yield new AppliedCredential(
            credential,
            Map.of("authorization", "Bearer " + credential.secret()),
            fields,
            secrets(credential.secret()),
            null);
      }
      case BASIC -> {
        String pair = credential.setting("username") + ":" + credential.secret();
        String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        fields.put("username", credential.setting("username"));
        fields.put("password", credential.secret());
        yield new AppliedCredential(
            credential,
            Map.of("authorization", "Basic " + encoded),
            fields,
            secrets(credential.secret(), encoded),
            null);
      }
      case HEADER -> {
        fields.put("header", credential.setting("header"));
        fields.put("value", credential.secret());
        yield new AppliedCredential(
            credential,
            Map.of(credential.setting("header"), credential.secret()),
            fields,
            secrets(credential.secret()),
            null);
      }
      case OAUTH2 -> {
        String token = tokens.token(credential);
        fields.put("token", token);
        fields.put("clientId", credential.setting("clientId"));
        yield new AppliedCredential(
            credential,
            Map.of("authorization", "Bearer " + token),
            fields,
            secrets(credential.secret(), token),
            token);
      }
    };
  }

  private static Set<String> secrets(String... values) {
    // Set.copyOf, unlike Set.of, accepts two equal values.
    return Set.copyOf(java.util.Arrays.asList(values));
  }

  /** After a destination refused its token: forget it, so the next use fetches a new one. */
  public void refused(AppliedCredential applied) {
    if (applied.bearerToken() != null) {
      tokens.invalidate(applied.credential().id(), applied.bearerToken());
    }
  }
}
