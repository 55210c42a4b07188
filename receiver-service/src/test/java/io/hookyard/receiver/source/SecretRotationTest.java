package io.hookyard.receiver.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.hookyard.receiver.vendor.Signatures;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ReceiverTest
class SecretRotationTest {
  static final String BODY = "{\"zen\":\"Design for failure.\"}";

  @Test
  void bothSecretsVerifyDuringTheOverlapAndOnlyTheNewOneAfterIt() {
    String tenant = Fixtures.newTenant();
    String admin = TestTokens.tenantAdmin(tenant);
    var created =
        given()
            .auth()
            .oauth2(admin)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "gh", "vendor", "github"))
            .post("/api/v1/tenants/{tenant}/sources", tenant)
            .then()
            .statusCode(201)
            .extract();
    String id = created.path("id");
    String oldSecret = created.path("secret");

    String newSecret =
        given()
            .auth()
            .oauth2(admin)
            .contentType(ContentType.JSON)
            .body(Map.of("overlapSeconds", 3600))
            .post("/api/v1/tenants/{tenant}/sources/{id}/rotate-secret", tenant, id)
            .then()
            .statusCode(200)
            .body("secret", startsWith("hyk_"))
            .body("activeSecrets", equalTo(2))
            .extract()
            .path("secret");
    assertNotEquals(oldSecret, newSecret);
    push(tenant, oldSecret).then().statusCode(202);
    push(tenant, newSecret).then().statusCode(202);

    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("overlapSeconds", 0))
        .post("/api/v1/tenants/{tenant}/sources/{id}/rotate-secret", tenant, id)
        .then()
        .statusCode(200)
        .body("activeSecrets", equalTo(1));
    push(tenant, oldSecret)
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:hookyard:problem:signature-mismatch"));
    push(tenant, newSecret).then().statusCode(401);
  }

  @Test
  void aVendorIssuedSecretIsRequiredAndNeverEchoed() {
    String tenant = Fixtures.newTenant();
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "billing", "vendor", "stripe"))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:hookyard:problem:secret-required"));
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "billing", "vendor", "stripe", "secret", "whsec_from_stripe_123"))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(201)
        .body("secret", nullValue());
  }

  private static io.restassured.response.Response push(String tenant, String secret) {
    String signature = "sha256=" + Signatures.hex(Signatures.hmacSha256(secret, BODY.getBytes()));
    return given()
        .contentType(ContentType.JSON)
        .header("X-GitHub-Event", "push")
        .header("X-Hub-Signature-256", signature)
        .body(BODY)
        .post("/hooks/{tenant}/gh", tenant);
  }
}
