package io.hookyard.delivery.signing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.testing.Api;
import io.hookyard.delivery.testing.ScriptedServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outgoing requests verify with the official Standard Webhooks (Svix) library. */
@DeliveryTest
class SigningTest {
  final ScriptedServer receiver = ScriptedServer.start();
  final Api api = new Api(TestTenants.newTenant());

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void everyRequestVerifiesWithTheSecretShownAtCreation() throws Exception {
    JsonPath created = api.createDestination("signed", receiver.url() + "/in", Map.of());
    String secret = created.getString("secret");
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(1, created.getInt("signingSecrets"));
    String destinationId = created.getString("id");
    assertEquals(null, api.destination(destinationId).getString("secret"), "shown only once");

    String deliveryId = api.submit(destinationId);
    ScriptedServer.Received request =
        receiver.await(r -> true, 1, Duration.ofSeconds(15)).getFirst();
    assertEquals(deliveryId, request.header("webhook-id"));
    new Webhook(secret).verify(request.bodyText(), request.headers());
    Map<String, List<String>> tampered = new java.util.HashMap<>(request.headers());
    tampered.put("webhook-id", List.of("dlv_other"));
    assertThrows(
        WebhookVerificationException.class,
        () -> new Webhook(secret).verify(request.bodyText(), tampered));
  }

  @Test
  void duringARotationBothSecretsVerifyAndAfterItOnlyTheNewOne() throws Exception {
    JsonPath created = api.createDestination("rotated", receiver.url() + "/in", Map.of());
    String oldSecret = created.getString("secret");
    String destinationId = created.getString("id");
    JsonPath rotated =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(api.tenant()))
            .contentType(ContentType.JSON)
            .body(Map.of("overlapSeconds", 3600))
            .post(Api.DESTINATIONS + "/{id}/rotate-secret", api.tenant(), destinationId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String newSecret = rotated.getString("secret");
    assertNotEquals(oldSecret, newSecret);
    assertEquals(2, rotated.getInt("signingSecrets"));

    api.submit(destinationId);
    ScriptedServer.Received during =
        receiver.await(r -> true, 1, Duration.ofSeconds(15)).getFirst();
    assertEquals(2, during.header("webhook-signature").split(" ").length, "two signatures");
    assertDoesNotThrow(() -> new Webhook(oldSecret).verify(during.bodyText(), during.headers()));
    assertDoesNotThrow(() -> new Webhook(newSecret).verify(during.bodyText(), during.headers()));

    // Rotating again with no overlap leaves only the newest secret signing.
    String newest =
        given()
            .auth()
            .oauth2(TestTokens.tenantAdmin(api.tenant()))
            .contentType(ContentType.JSON)
            .body(Map.of("overlapSeconds", 0))
            .post(Api.DESTINATIONS + "/{id}/rotate-secret", api.tenant(), destinationId)
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    api.submit(destinationId);
    ScriptedServer.Received after = receiver.await(r -> true, 2, Duration.ofSeconds(15)).get(1);
    assertEquals(1, after.header("webhook-signature").split(" ").length);
    assertDoesNotThrow(() -> new Webhook(newest).verify(after.bodyText(), after.headers()));
    assertThrows(
        WebhookVerificationException.class,
        () -> new Webhook(newSecret).verify(after.bodyText(), after.headers()));
  }
}
