package io.hookyard.delivery.credential;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A credential as a tenant admin creates or replaces it. Which fields are needed depends on the
 * kind: {@code token} (api_token); {@code username} and {@code password} (basic); {@code header}
 * and {@code value} (header); {@code tokenUrl}, {@code clientId}, {@code clientSecret} and
 * optionally {@code scope} (oauth2). The secret field is stored sealed and never shown again.
 *
 * @param name how templates name it: {@code {credentials.<name>.token}}
 */
public record CredentialRequest(
    @NotNull
        @Pattern(
            regexp = "[a-z][a-z0-9_]{0,62}",
            message =
                "must be 1-63 lower-case letters, digits or underscores, starting with a letter")
        String name,
    @NotNull CredentialKind kind,
    @Size(max = 8192) String token,
    @Size(max = 256) String username,
    @Size(max = 1024) String password,
    @Size(max = 64) String header,
    @Size(max = 8192) String value,
    @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String tokenUrl,
    @Size(max = 256) String clientId,
    @Size(max = 1024) String clientSecret,
    @Size(max = 1024) String scope) {}
