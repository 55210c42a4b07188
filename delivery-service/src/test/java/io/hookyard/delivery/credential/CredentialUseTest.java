package io.hookyard.delivery.credential;

import static io.hookyard.delivery.ActionRequests.action;
import static io.hookyard.delivery.ActionRequests.createCredential;
import static io.hookyard.delivery.ActionRequests.createDestination;
import static io.hookyard.delivery.ActionRequests.detailText;
import static io.hookyard.delivery.ActionRequests.submitAction;
import static io.hookyard.delivery.DeliveryApi.awaitStatus;
import static io.hookyard.delivery.DeliveryApi.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.RecordingServer;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.delivery.DeliveryTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credentials at work: applied to every request to a destination, visible to templates, OAuth2
 * tokens fetched from a real token endpoint and cached, and never in the delivery log.
 */
@DeliveryTest
class CredentialUseTest {
  private static final String API_TOKEN = "fleet-token-8c1e0a77d2";

  @Test
  void anApiTokenIsSentAsBearerAndNeverAppearsInTheLog() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer api = RecordingServer.start()) {
      String credential =
          createCredential(
              tenant, Map.of("name", "fleet", "kind", "api_token", "token", API_TOKEN));
      String destination =
          createDestination(tenant, "fleet", api.url(), Map.of("credentialId", credential));
      // The template uses the credential too, in the URL and the body: both are masked in the log.
      Map<String, Object> step =
          Map.of(
              "name",
              "echo",
              "destinationId",
              destination,
              "method",
              "POST",
              "path",
              "/echo?key={credentials.fleet.token}",
              "body",
              "{\"token\":\"{credentials.fleet.token}\"}");
      String id = submitAction(tenant, destination, action(List.of(step), null), "{\"a\":1}");

      awaitStatus(tenant, id, "SUCCEEDED");
      RecordingServer.Recorded received = api.requests().getFirst();
      assertEquals("Bearer " + API_TOKEN, received.header("authorization"));
      assertEquals("/echo?key=" + API_TOKEN, received.path());
      assertTrue(received.bodyText().contains(API_TOKEN));
      String log = detailText(tenant, id);
      assertFalse(log.contains(API_TOKEN), log);
      assertTrue(log.contains("[redacted]"));
    }
  }

  @Test
  void basicAndHeaderCredentialsAuthenticatePlainDeliveries() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer api = RecordingServer.start()) {
      String basic =
          createCredential(
              tenant,
              Map.of(
                  "name", "basic", "kind", "basic", "username", "hook", "password", "pa55word!"));
      String header =
          createCredential(
              tenant,
              Map.of("name", "key", "kind", "header", "header", "X-Api-Key", "value", "k-123456"));
      String withBasic =
          createDestination(tenant, "basic", api.url() + "/b", Map.of("credentialId", basic));
      String withHeader =
          createDestination(tenant, "header", api.url() + "/h", Map.of("credentialId", header));

      String first = deliver(tenant, withBasic);
      String second = deliver(tenant, withHeader);
      awaitStatus(tenant, first, "SUCCEEDED");
      awaitStatus(tenant, second, "SUCCEEDED");
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("hook:pa55word!".getBytes(StandardCharsets.UTF_8));
      assertEquals(
          expected, api.requests(r -> r.path().equals("/b")).getFirst().header("authorization"));
      assertEquals(
          "k-123456", api.requests(r -> r.path().equals("/h")).getFirst().header("x-api-key"));
      assertFalse(detailText(tenant, second).contains("k-123456"));
      assertFalse(detailText(tenant, first).contains("pa55word!"));
    }
  }

  @Test
  void anOAuth2TokenIsFetchedOnceCachedAndFetchedAgainAfterA401() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer idp = RecordingServer.start();
        RecordingServer api = RecordingServer.start()) {
      idp.answerTimes(
          r -> r.path().equals("/token"),
          1,
          200,
          Map.of(),
          "{\"access_token\":\"tok-first\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      idp.answerWith(
          r -> r.path().equals("/token"),
          200,
          "{\"access_token\":\"tok-second\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      String credential =
          createCredential(
              tenant,
              Map.of(
                  "name",
                  "idp",
                  "kind",
                  "oauth2",
                  "tokenUrl",
                  idp.url() + "/token",
                  "clientId",
                  "hookyard",
                  "clientSecret",
                  "s3cret-client",
                  "scope",
                  "hosts.read"));
      String destination =
          createDestination(tenant, "api", api.url() + "/in", Map.of("credentialId", credential));

      awaitStatus(tenant, deliver(tenant, destination), "SUCCEEDED");
      awaitStatus(tenant, deliver(tenant, destination), "SUCCEEDED");
      assertEquals(1, idp.requests().size());
      RecordingServer.Recorded fetch = idp.requests().getFirst();
      assertEquals("POST", fetch.method());
      assertEquals("grant_type=client_credentials&scope=hosts.read", fetch.bodyText());
      assertEquals(
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("hookyard:s3cret-client".getBytes(StandardCharsets.UTF_8)),
          fetch.header("authorization"));
      api.requests().forEach(r -> assertEquals("Bearer tok-first", r.header("authorization")));

      // The API revokes the token: the next request gets a 401, a fresh token, and goes again.
      api.answerTimes(r -> true, 1, 401, Map.of(), null);
      String third = deliver(tenant, destination);
      JsonPath entry = awaitStatus(tenant, third, "SUCCEEDED");
      assertEquals(2, idp.requests().size());
      assertEquals("Bearer tok-second", api.requests().getLast().header("authorization"));
      assertEquals(1, entry.getInt("attemptCount"));
      String log = detailText(tenant, third);
      assertFalse(log.contains("tok-second"), log);
      assertFalse(log.contains("s3cret-client"), log);
    }
  }

  @Test
  void aTokenThatExpiresSoonIsFetchedAgainBeforeItIsUsedOnceMore() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer idp = RecordingServer.start();
        RecordingServer api = RecordingServer.start()) {
      // 30 s of life is less than the 60 s before expiry at which a token is renewed.
      idp.answerWith(
          r -> r.path().equals("/token"),
          200,
          "{\"access_token\":\"tok-short\",\"expires_in\":30}");
      String credential =
          createCredential(
              tenant,
              Map.of(
                  "name",
                  "short",
                  "kind",
                  "oauth2",
                  "tokenUrl",
                  idp.url() + "/token",
                  "clientId",
                  "c",
                  "clientSecret",
                  "short-secret"));
      String destination =
          createDestination(tenant, "api", api.url() + "/in", Map.of("credentialId", credential));

      awaitStatus(tenant, deliver(tenant, destination), "SUCCEEDED");
      awaitStatus(tenant, deliver(tenant, destination), "SUCCEEDED");
      assertEquals(2, idp.requests().size());
    }
  }

  @Test
  void aFailingTokenEndpointFailsTheAttemptWithoutBlamingTheDestination() {
    String tenant = TestTenants.newTenant();
    try (RecordingServer idp = RecordingServer.start();
        RecordingServer api = RecordingServer.start()) {
      idp.answerWith(500);
      String credential =
          createCredential(
              tenant,
              Map.of(
                  "name",
                  "down",
                  "kind",
                  "oauth2",
                  "tokenUrl",
                  idp.url() + "/token",
                  "clientId",
                  "c",
                  "clientSecret",
                  "down-secret"));
      String destination =
          createDestination(tenant, "api", api.url() + "/in", Map.of("credentialId", credential));

      JsonPath entry = awaitStatus(tenant, deliver(tenant, destination), "DEAD");
      assertEquals("CREDENTIAL", entry.getString("attempts[0].errorClass"));
      assertTrue(entry.getString("attempts[0].errorDetail").contains("answered 500"));
      assertEquals(0, api.all().size());
      io.restassured.RestAssured.given()
          .auth()
          .oauth2(io.hookyard.common.testing.TestTokens.tenantViewer(tenant))
          .get("/api/v1/tenants/{tenant}/destinations/{id}", tenant, destination)
          .then()
          .statusCode(200)
          .body("health.consecutiveFailures", org.hamcrest.Matchers.equalTo(0));
    }
  }
}
