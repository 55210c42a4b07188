package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every service promises operators: health, metrics, OpenAPI, and problem details. */
@ExtendWith(SystemStack.class)
class ServiceEndpointsIT {

  @ParameterizedTest
  @EnumSource(value = HookyardService.class, names = "CONSOLE", mode = EnumSource.Mode.EXCLUDE)
  void healthMetricsAndOpenApiAreServed(HookyardService service) {
    HookyardStack stack = SystemStack.get();
    for (String probe : new String[] {"live", "ready", "started"}) {
      HttpResponse<String> health = get(stack, service, "/q/health/" + probe);
      assertEquals(200, health.statusCode(), probe + ": " + health.body());
      assertTrue(health.body().contains("\"UP\""), health.body());
    }
    assertTrue(
        get(stack, service, "/q/health/ready").body().contains("Database connections health check"),
        "readiness includes the database");
    HttpResponse<String> metrics = get(stack, service, "/q/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
    HttpResponse<String> openapi = get(stack, service, "/q/openapi");
    assertEquals(200, openapi.statusCode());
    assertTrue(openapi.body().contains("/api/v1/tenants/{tenant}/"), openapi.body());
  }

  @ParameterizedTest
  @EnumSource(value = HookyardService.class, names = "CONSOLE", mode = EnumSource.Mode.EXCLUDE)
  void anUnknownAddressIsAProblemWithoutInternals(HookyardService service) {
    HttpResponse<String> missing = get(SystemStack.get(), service, "/nothing/here");
    assertEquals(404, missing.statusCode());
    assertEquals(
        "application/problem+json",
        missing.headers().firstValue("content-type").orElse("").split(";")[0]);
    assertFalse(missing.body().contains("Exception"), missing.body());
  }

  private static HttpResponse<String> get(
      HookyardStack stack, HookyardService service, String path) {
    return ManagementClient.send(
        HttpRequest.newBuilder(URI.create(stack.url(service) + path)).GET().build());
  }
}
