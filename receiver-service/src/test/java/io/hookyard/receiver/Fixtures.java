package io.hookyard.receiver;

import static io.restassured.RestAssured.given;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.receiver.ingest.StoredEvent;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Per-test data for the receiver's tests. */
public final class Fixtures {
  private Fixtures() {}

  public static String newTenant() {
    return TestTenants.newTenant();
  }

  /**
   * An event as a generic source's accepted POST of {@code {}} makes it, not yet stored: for tests
   * that hand events to a group committer of their own.
   */
  public static StoredEvent acceptedEvent(String tenant, String sourceId, String type) {
    StoredEvent event = new StoredEvent();
    event.id = Ids.newId(Ids.EVENT);
    event.tenant = tenant;
    event.sourceId = sourceId;
    event.ceSource = "/hooks/" + tenant + "/demo";
    event.vendor = "generic";
    event.type = type;
    event.contentType = "application/json";
    event.headers = Map.of("content-type", List.of("application/json"));
    event.body = "{}".getBytes(StandardCharsets.UTF_8);
    event.receivedAt = Instant.now();
    event.method = "POST";
    event.responseStatus = 202;
    return event;
  }

  /** Creates a generic source and returns its one-time secret (its token). */
  public static String createSource(String tenant, String name) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("name", name))
        .post("/api/v1/tenants/{tenant}/sources", tenant)
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  /** Waits until the tenant's request log holds {@code count} entries (they are written async). */
  public static void awaitRequestLog(String tenant, int count) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      int size =
          given()
              .auth()
              .oauth2(TestTokens.tenantViewer(tenant))
              .get("/api/v1/tenants/{tenant}/requests", tenant)
              .then()
              .statusCode(200)
              .extract()
              .path("items.size()");
      if (size >= count) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("The request log of " + tenant + " never held " + count + " entries");
  }
}
