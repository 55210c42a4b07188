package io.hookyard.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Walks every operation of a service's own OpenAPI document ({@code /q/openapi}) and checks who may
 * call it, so that a new endpoint cannot be added without the checks applying to it:
 *
 * <ul>
 *   <li>management endpoints ({@code /api/...}): no token is 401; a tenant-admin of another tenant
 *       is 404 (or 403); a tenant-viewer on a write is 403; a service token is 403; a tenant-admin
 *       on a {@code /api/v1/admin/...} endpoint is 403;
 *   <li>internal endpoints ({@code /internal/...}): no token is 401; every user token (even a
 *       hookyard-admin's) is 403;
 *   <li>webhook URLs ({@code /hooks/...}) are authenticated by each source and are skipped.
 * </ul>
 *
 * Every answer must be problem details and carry the security headers. Path parameters other than
 * the tenant are filled with ids that do not exist; bodies are an empty JSON object, since every
 * check must happen before the body matters.
 */
public final class EndpointWalker {
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
  private static final ObjectMapper JSON = new ObjectMapper();

  private EndpointWalker() {}

  /** One operation of the document. */
  public record Operation(String method, String path) {
    boolean isWrite() {
      return WRITES.contains(method);
    }

    boolean hasTenant() {
      return path.contains("{tenant}");
    }

    @Override
    public String toString() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  /** The operations of the running service's OpenAPI document. */
  public static List<Operation> operations() {
    String document =
        given()
            .accept("application/json")
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<Operation> operations = new ArrayList<>();
    try {
      JsonNode paths = JSON.readTree(document).path("paths");
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
          String method = methods.next();
          if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
            operations.add(new Operation(method, path.getKey()));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("The OpenAPI document is not JSON", e);
    }
    return operations;
  }

  /**
   * One dynamic test per operation of the document.
   *
   * @param minimum the number of management and internal operations the service has at least, so
   *     that an empty or broken document cannot pass
   * @param viewerWrites operations that change nothing though not a GET (a dry run), which a viewer
   *     may call, as "POST /path/{param}"
   */
  public static Stream<DynamicTest> walk(int minimum, Set<String> viewerWrites) {
    List<Operation> operations = operations();
    List<Operation> checked =
        operations.stream().filter(op -> !op.path().startsWith("/hooks/")).toList();
    assertTrue(
        checked.size() >= minimum,
        "expected at least " + minimum + " operations, found " + checked);
    return checked.stream()
        .map(
            op ->
                DynamicTest.dynamicTest(
                    op.toString(), () -> check(op, viewerWrites.contains(op.toString()))));
  }

  private static void check(Operation op, boolean viewerMayCall) {
    if (op.path().startsWith("/internal/")) {
      checkInternal(op);
    } else if (op.path().startsWith("/api/")) {
      checkManagement(op, viewerMayCall);
    } else {
      fail(
          op
              + " is neither a management, an internal nor a webhook endpoint; decide who may call it");
    }
  }

  private static void checkManagement(Operation op, boolean viewerMayCall) {
    String tenant = TestTenants.newTenant();
    String path = fill(op.path(), tenant);
    expect(op, path, null, 401, "without a token");
    expect(op, path, TestTokens.service(), 403, "with a service token");
    if (op.hasTenant()) {
      Response other = call(op, path, TestTokens.tenantAdmin(TestTenants.newTenant()));
      assertTrue(
          other.statusCode() == 404 || other.statusCode() == 403,
          op
              + " with another tenant's token answered "
              + other.statusCode()
              + ": "
              + other.asString());
      assertProblem(op, other);
      if (op.isWrite() && !viewerMayCall) {
        expect(op, path, TestTokens.tenantViewer(tenant), 403, "as a viewer of the tenant");
      }
    } else if (op.path().startsWith("/api/v1/admin/")) {
      expect(op, path, TestTokens.tenantAdmin(tenant), 403, "as a tenant-admin");
      expect(op, path, TestTokens.tenantViewer(tenant), 403, "as a tenant-viewer");
    } else if (op.isWrite()) {
      expect(op, path, TestTokens.tenantViewer(tenant), 403, "as a viewer");
    }
  }

  private static void checkInternal(Operation op) {
    String tenant = TestTenants.newTenant();
    String path = fill(op.path(), tenant);
    expect(op, path, null, 401, "without a token");
    expect(op, path, TestTokens.tenantAdmin(tenant), 403, "with a tenant-admin's token");
    expect(op, path, TestTokens.tenantViewer(tenant), 403, "with a tenant-viewer's token");
    expect(op, path, TestTokens.hookyardAdmin(), 403, "with a hookyard-admin's token");
  }

  private static void expect(Operation op, String path, String token, int status, String how) {
    Response response = call(op, path, token);
    assertEquals(status, response.statusCode(), op + " " + how + ": " + response.asString());
    assertProblem(op, response);
  }

  private static void assertProblem(Operation op, Response response) {
    assertEquals(
        "application/problem+json",
        String.valueOf(response.contentType()).split(";")[0],
        op + " answers problem details");
    String body = response.asString();
    assertFalse(body.contains("Exception") || body.contains("io.hookyard."), op + ": " + body);
    assertEquals("nosniff", response.header("X-Content-Type-Options"), op + " headers");
    assertEquals("DENY", response.header("X-Frame-Options"), op + " headers");
    assertEquals("no-store", response.header("Cache-Control"), op + " headers");
  }

  private static Response call(Operation op, String path, String token) {
    RequestSpecification request = given().redirects().follow(false);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    if (op.isWrite() && !op.method().equals("delete")) {
      request = request.contentType("application/json").body("{}");
    }
    return request.request(op.method().toUpperCase(Locale.ROOT), path);
  }

  /** The path with the tenant filled in and every other parameter an id that does not exist. */
  static String fill(String template, String tenant) {
    Matcher matcher = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      matcher.appendReplacement(path, name.equals("tenant") ? tenant : "x_missing");
    }
    matcher.appendTail(path);
    return path.toString();
  }
}
