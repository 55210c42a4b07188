package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the real Keycloak: the services' own client-credentials tokens open the internal endpoints
 * and nothing else, and people's tokens open the management API and never the internal one.
 */
@ExtendWith(SystemStack.class)
class ServiceAuthIT {
  private static final String LOOKUP = "/internal/v1/tenants/acme/destinations/dst_unknown";

  @Test
  void aServiceTokenCarriesTheServiceRoleFromKeycloak() throws Exception {
    String token = SystemStack.get().serviceToken(HookyardService.RULES);
    JsonNode claims =
        new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertEquals("hookyard-rules", claims.path("azp").asText());
    boolean service = false;
    for (JsonNode group : claims.path("groups")) {
      service |= group.asText().equals("hookyard-service");
    }
    assertTrue(service, claims.toString());
  }

  @Test
  void internalEndpointsTakeOnlyServiceTokens() {
    HookyardStack stack = SystemStack.get();
    ManagementClient rules = stack.withToken(stack.serviceToken(HookyardService.RULES));
    assertEquals(404, rules.call(HookyardService.DELIVERY, "GET", LOOKUP, null).statusCode());
    assertEquals(
        403, stack.as("alice").call(HookyardService.DELIVERY, "GET", LOOKUP, null).statusCode());
    assertEquals(
        403, stack.as("ops").call(HookyardService.DELIVERY, "GET", LOOKUP, null).statusCode());
    assertEquals(
        403,
        stack
            .as("alice")
            .call(HookyardService.RULES, "POST", "/internal/v1/events", "[]")
            .statusCode());
    assertEquals(
        401,
        stack
            .withToken("not-a-token")
            .call(HookyardService.RULES, "POST", "/internal/v1/events", "[]")
            .statusCode());
  }

  @Test
  void theAuditTrailNamesThePersonAndTheClientOfTheirToken() throws Exception {
    HookyardStack stack = SystemStack.get();
    ManagementClient alice = stack.as("alice");
    String name = "audited-" + Long.toHexString(System.nanoTime());
    alice.createSource("acme", name);
    JsonNode trail =
        new ObjectMapper()
            .readTree(
                alice
                    .call(
                        HookyardService.RECEIVER,
                        "GET",
                        "/api/v1/tenants/acme/audit/receiver-service",
                        null)
                    .body());
    JsonNode latest = trail.path("entries").get(0);
    assertEquals("create", latest.path("action").asText(), trail.toString());
    assertEquals("alice", latest.path("username").asText(), latest.toString());
    assertEquals("hookyard-cli", latest.path("client").asText(), latest.toString());
    assertTrue(latest.path("subject").asText().length() > 10, "Keycloak's user id: " + latest);
    assertEquals(name, latest.path("diff").path("name").path("to").asText(), latest.toString());
    assertEquals(
        "[masked]", latest.path("diff").path("secret").path("to").asText(), latest.toString());
  }

  @Test
  void managementEndpointsRefuseServiceTokensAndOtherTenants() {
    HookyardStack stack = SystemStack.get();
    ManagementClient receiver = stack.withToken(stack.serviceToken(HookyardService.RECEIVER));
    assertEquals(
        403,
        receiver
            .call(HookyardService.RULES, "GET", "/api/v1/tenants/acme/subscriptions", null)
            .statusCode());
    assertEquals(
        404,
        stack
            .as("bob")
            .call(HookyardService.DELIVERY, "GET", "/api/v1/tenants/acme/destinations", null)
            .statusCode());
    assertEquals(
        403,
        stack
            .as("victor")
            .call(
                HookyardService.RECEIVER,
                "POST",
                "/api/v1/tenants/acme/sources",
                "{\"name\":\"x\"}")
            .statusCode());
    assertEquals(
        200,
        stack
            .as("victor")
            .call(HookyardService.RECEIVER, "GET", "/api/v1/tenants/acme/sources", null)
            .statusCode());
    assertEquals(
        403,
        stack
            .as("alice")
            .call(HookyardService.DELIVERY, "POST", "/api/v1/admin/secrets/re-encrypt", null)
            .statusCode());
    assertEquals(
        200,
        stack
            .as("ops")
            .call(HookyardService.DELIVERY, "POST", "/api/v1/admin/secrets/re-encrypt", null)
            .statusCode());
  }
}
