package io.hookyard.receiver.vendor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Checks for vendors that authenticate with a shared secret rather than a signature: a header whose
 * value is the secret (optionally after a scheme such as {@code Bearer}), HTTP basic auth, or a
 * token in the URL.
 */
public final class SharedSecrets {
  private SharedSecrets() {}

  /**
   * The header {@code name} must carry one of the secrets, either bare or after {@code scheme} (for
   * example {@code Authorization: Bearer <secret>}).
   */
  public static void requireHeader(
      IncomingRequest request, VerificationContext context, String name, String scheme) {
    String presented = request.header(name);
    if (presented == null) {
      throw VerificationFailure.missingHeader(name);
    }
    String value = presented.trim();
    if (scheme != null && value.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
      value = value.substring(scheme.length() + 1).trim();
    }
    if (!matchesAny(value, context)) {
      throw new VerificationFailure("wrong-secret", "The " + name + " header has the wrong value.");
    }
  }

  /** HTTP basic auth with {@code username} and one of the secrets as password. */
  public static void requireBasic(
      IncomingRequest request, VerificationContext context, String username) {
    String authorization = request.header("Authorization");
    if (authorization == null) {
      throw VerificationFailure.missingHeader("Authorization");
    }
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new VerificationFailure("wrong-scheme", "Authorization must use the Basic scheme.");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new VerificationFailure("malformed-header", "Authorization is not valid base64.");
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    String password = colon < 0 ? "" : decoded.substring(colon + 1);
    boolean userMatches = Signatures.constantTimeEquals(username, user);
    if (!(matchesAny(password, context) && userMatches)) {
      throw new VerificationFailure("wrong-credentials", "The user name or password is wrong.");
    }
  }

  /** The query parameter {@code name} must be one of the secrets. */
  public static void requireQueryToken(
      IncomingRequest request, VerificationContext context, String name) {
    String presented = request.queryParameter(name);
    if (presented == null) {
      throw new VerificationFailure("missing-token", "The URL has no " + name + " parameter.");
    }
    if (!matchesAny(presented, context)) {
      throw new VerificationFailure("wrong-secret", "The " + name + " in the URL is wrong.");
    }
  }

  /** True when {@code presented} equals one of the secrets; every secret is compared. */
  public static boolean matchesAny(String presented, VerificationContext context) {
    boolean matched = false;
    for (String secret : context.secrets()) {
      matched |= Signatures.constantTimeEquals(secret, presented);
    }
    return matched;
  }
}
