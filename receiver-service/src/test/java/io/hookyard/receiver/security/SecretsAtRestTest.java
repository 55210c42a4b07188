package io.hookyard.receiver.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.SealedRows;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.hookyard.receiver.source.SourceDirectory;
import io.hookyard.receiver.vendor.Signatures;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Source secrets never reach the database in the clear, and survive a change of key. */
@ReceiverTest
class SecretsAtRestTest {
  private static final String BODY = "{\"ref\":\"refs/heads/main\"}";

  @Inject DataSource data;
  @Inject SourceDirectory directory;

  @Test
  void noTableHoldsASecretInTheClear() throws Exception {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "dumped");
    String vendorSecret = "gh-vendor-secret-" + tenant;
    createGithubSource(tenant, "gh-dumped", vendorSecret);
    // Every way a generic source's token may arrive, so the event and request log see each.
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/dumped", tenant)
        .then()
        .statusCode(202);
    given()
        .header("X-Hookyard-Token", token)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/dumped", tenant)
        .then()
        .statusCode(202);
    given()
        .queryParam("token", token)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/dumped", tenant)
        .then()
        .statusCode(202);
    given()
        .queryParam("token", token + "-wrong")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/dumped", tenant)
        .then()
        .statusCode(401);
    push(tenant, "gh-dumped", vendorSecret).then().statusCode(202);
    Fixtures.awaitRequestLog(tenant, 5);

    List<String> hits =
        SealedRows.plaintextIn(data, "receiver", List.of(token, token + "-wrong", vendorSecret));
    assertEquals(List.of(), hits, "secrets in the clear");
  }

  @Test
  void reEncryptionMovesEverySecretToTheActiveKeyAndVerificationStillWorks() throws Exception {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "generic-rotated");
    String vendorSecret = "gh-rotated-secret-" + tenant;
    createGithubSource(tenant, "gh-rotated", vendorSecret);
    assertTrue(SealedRows.resealUnderOldKey(data, "receiver", "source_secret") >= 2);
    assertTrue(SealedRows.keyIds(data, "receiver", "source_secret").contains("old"));
    directory.invalidate();
    push(tenant, "gh-rotated", vendorSecret).then().statusCode(202);

    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .post("/api/v1/admin/secrets/re-encrypt")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.hookyardAdmin())
        .queryParam("batchSize", 5000)
        .post("/api/v1/admin/secrets/re-encrypt")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(TestTokens.hookyardAdmin())
        .queryParam("batchSize", 1)
        .post("/api/v1/admin/secrets/re-encrypt")
        .then()
        .statusCode(200)
        .body("activeKey", equalTo("test"))
        .body("tables[0].table", equalTo("source_secret"))
        .body("tables[0].reEncrypted", greaterThanOrEqualTo(2))
        .body("tables[0].remaining", equalTo(0));
    assertEquals(Set.of("test"), Set.copyOf(SealedRows.keyIds(data, "receiver", "source_secret")));

    directory.invalidate();
    push(tenant, "gh-rotated", vendorSecret).then().statusCode(202);
    push(tenant, "gh-rotated", vendorSecret + "-wrong").then().statusCode(401);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/hooks/{tenant}/generic-rotated", tenant)
        .then()
        .statusCode(202);
  }

  private static void createGithubSource(String tenant, String name, String secret) {
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "vendor", "github", "secret", secret))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(201);
  }

  private static io.restassured.response.Response push(
      String tenant, String source, String secret) {
    String signature = "sha256=" + Signatures.hex(Signatures.hmacSha256(secret, BODY.getBytes()));
    return given()
        .contentType(ContentType.JSON)
        .header("X-GitHub-Event", "push")
        .header("X-Hub-Signature-256", signature)
        .body(BODY)
        .post("/hooks/{tenant}/{source}", tenant, source);
  }
}
