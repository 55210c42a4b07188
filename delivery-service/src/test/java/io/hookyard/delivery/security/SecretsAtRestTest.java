package io.hookyard.delivery.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.svix.Webhook;
import io.hookyard.common.testing.SealedRows;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.destination.DestinationDirectory;
import io.hookyard.delivery.testing.Api;
import io.hookyard.delivery.testing.ScriptedServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signing secrets and credential headers never reach the database in the clear, and signing and
 * credentials keep working after every value is re-encrypted under a new key.
 */
@DeliveryTest
class SecretsAtRestTest {
  final ScriptedServer receiver = ScriptedServer.start();
  final Api api = new Api(TestTenants.newTenant());

  @Inject DataSource data;
  @Inject DestinationDirectory directory;

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void noTableHoldsASecretInTheClear() throws Exception {
    String credential = "Bearer dest-credential-" + api.tenant();
    String apiKey = "key-" + api.tenant();
    JsonPath created =
        api.createDestination(
            "dumped",
            receiver.url() + "/in",
            Map.of(
                "headers",
                Map.of("Authorization", credential, "X-Api-Key", apiKey, "X-Team", "ops")));
    String destinationId = created.getString("id");
    String signing = created.getString("secret");
    String rotated =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(api.tenant()))
            .contentType(ContentType.JSON)
            .body(Map.of("overlapSeconds", 3600))
            .post(Api.DESTINATIONS + "/{id}/rotate-secret", api.tenant(), destinationId)
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    String deliveryId = api.submit(destinationId);
    ScriptedServer.Received sent = receiver.await(r -> true, 1, Duration.ofSeconds(15)).getFirst();
    assertEquals(credential, sent.header("authorization"));
    assertEquals(apiKey, sent.header("x-api-key"));
    assertEquals("ops", sent.header("x-team"));
    api.awaitStatus(deliveryId, "SUCCEEDED");

    String token = "credential-token-" + api.tenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(api.tenant()))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "vendor_api", "kind", "api_token", "token", token))
        .post("/api/v1/tenants/{tenant}/credentials", api.tenant())
        .then()
        .statusCode(201);
    String smtpPassword = "smtp-password-" + api.tenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(api.tenant()))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "smtp",
                Map.of(
                    "host", "127.0.0.1",
                    "tls", "STARTTLS",
                    "username", "hookyard",
                    "password", smtpPassword,
                    "from", "alerts@example.com")))
        .put("/api/v1/tenants/{tenant}/delivery-settings", api.tenant())
        .then()
        .statusCode(200);

    JsonPath shown = api.destination(destinationId);
    assertEquals("[redacted]", shown.getString("headers.Authorization"));
    assertEquals("ops", shown.getString("headers.X-Team"));
    List<String> hits =
        SealedRows.plaintextIn(
            data,
            "delivery",
            List.of(
                credential,
                credential.substring(7),
                apiKey,
                signing,
                rotated,
                signing.substring(6),
                rotated.substring(6),
                token,
                smtpPassword));
    assertEquals(List.of(), hits, "secrets in the clear");
  }

  @Test
  void aHeaderSentBackRedactedKeepsItsValue() {
    String credential = "Bearer kept-" + api.tenant();
    String destinationId =
        api.createDestination(
                "kept",
                receiver.url() + "/in",
                Map.of("headers", Map.of("Authorization", credential)))
            .getString("id");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(api.tenant()))
        .contentType(ContentType.JSON)
        .body(Map.of("headers", Map.of("Authorization", "[redacted]", "X-Extra", "1")))
        .patch(Api.DESTINATIONS + "/{id}", api.tenant(), destinationId)
        .then()
        .statusCode(200)
        .body("headers.X-Extra", equalTo("1"));
    api.submit(destinationId);
    ScriptedServer.Received sent = receiver.await(r -> true, 1, Duration.ofSeconds(15)).getFirst();
    assertEquals(credential, sent.header("authorization"));
    assertEquals("1", sent.header("x-extra"));
  }

  @Test
  void reEncryptionMovesEverySecretToTheActiveKeyAndSigningStillWorks() throws Exception {
    String credential = "Bearer rotated-" + api.tenant();
    JsonPath created =
        api.createDestination(
            "rotated",
            receiver.url() + "/in",
            Map.of("headers", Map.of("Authorization", credential)));
    String destinationId = created.getString("id");
    String signing = created.getString("secret");
    assertTrue(SealedRows.resealUnderOldKey(data, "delivery", "destination_secret") >= 1);
    assertTrue(SealedRows.resealUnderOldKey(data, "delivery", "destination_header_secret") >= 1);
    assertTrue(SealedRows.keyIds(data, "delivery", "destination_header_secret").contains("old"));

    given()
        .auth()
        .oauth2(TestTokens.hookyardAdmin())
        .queryParam("batchSize", 2)
        .post("/api/v1/admin/secrets/re-encrypt")
        .then()
        .statusCode(200)
        .body("activeKey", equalTo("test"))
        .body("tables.table", hasItems("destination_secret", "destination_header_secret"))
        .body("tables.remaining", hasItems(0, 0))
        .body("tables.findAll { it.remaining != 0 }.size()", equalTo(0));
    assertEquals(
        Set.of("test"), Set.copyOf(SealedRows.keyIds(data, "delivery", "destination_secret")));
    assertEquals(
        Set.of("test"),
        Set.copyOf(SealedRows.keyIds(data, "delivery", "destination_header_secret")));

    directory.invalidate(destinationId);
    api.submit(destinationId);
    ScriptedServer.Received sent = receiver.await(r -> true, 1, Duration.ofSeconds(15)).getFirst();
    new Webhook(signing).verify(sent.bodyText(), sent.headers());
    assertEquals(credential, sent.header("authorization"));
  }
}
