package io.hookyard.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.tenancy.Roles;
import java.io.IOException;
import java.util.Base64;

/** Reads the claims of a bearer token a peer received, to check who the caller said it was. */
public final class ServiceTokens {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceTokens() {}

  /** Whether an {@code Authorization} header carries a JWT with the service role. */
  public static boolean isServiceToken(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    String[] parts = authorization.substring(7).split("\\.");
    if (parts.length != 3) {
      return false;
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      for (JsonNode group : claims.path("groups")) {
        if (Roles.SERVICE.equals(group.asText())) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
