package io.hookyard.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EchoServerTest {
  private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();
  private static EchoServer echo;
  private static URI base;

  @BeforeAll
  static void start() {
    echo = EchoServer.start(0, new PrintStream(PRINTED, true, StandardCharsets.UTF_8));
    base = URI.create(echo.url()).resolve("/");
  }

  @AfterAll
  static void stop() {
    echo.close();
  }

  @Test
  void printsTheRequestWithTheHeadersThatSaySomething() {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(base.resolve("/slack"))
                .header("Authorization", "Bearer token-7")
                .header("webhook-id", "dlv_1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")));

    assertEquals(200, answer.statusCode());
    assertEquals("", answer.body());
    String printed = PRINTED.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("POST /slack\n"), printed);
    assertTrue(printed.contains("  authorization: Bearer token-7\n"), printed);
    assertTrue(printed.contains("  webhook-id: dlv_1\n"), printed);
    assertTrue(printed.contains("{\"text\":\"hi\"}"), printed);
    assertFalse(printed.contains("host:"), "headers every request has are left out");
  }

  @Test
  void aCannedAnswerIsServedForItsPathUntilItIsDeleted() {
    String host = "{\"host\":{\"id\":11058,\"uuid\":\"9F2C4D61\"}}";
    HttpResponse<String> kept =
        send(
            HttpRequest.newBuilder(base.resolve("/_answers/fleet/api/v1/fleet/hosts/11058"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(host)));
    assertEquals(204, kept.statusCode());

    HttpResponse<String> answer =
        send(HttpRequest.newBuilder(base.resolve("/fleet/api/v1/fleet/hosts/11058")).GET());
    assertEquals(200, answer.statusCode());
    assertEquals(host, answer.body());
    assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "",
        send(HttpRequest.newBuilder(base.resolve("/fleet/api/v1/fleet/hosts/11059")).GET()).body(),
        "another path still gets the empty 200");

    assertEquals(
        204,
        send(HttpRequest.newBuilder(base.resolve("/_answers/fleet/api/v1/fleet/hosts/11058"))
                .DELETE())
            .statusCode());
    assertEquals(
        "",
        send(HttpRequest.newBuilder(base.resolve("/fleet/api/v1/fleet/hosts/11058")).GET()).body());
  }

  @Test
  void aStatusPathAnswersThatCodeAndARateLimitSaysWhenToComeBack() {
    HttpResponse<String> limited =
        send(
            HttpRequest.newBuilder(base.resolve("/discord/status/429"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(429, limited.statusCode());
    assertEquals(
        String.valueOf(EchoServer.RETRY_AFTER_SECONDS),
        limited.headers().firstValue("Retry-After").orElseThrow());

    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(base.resolve("/security/status/422"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(422, refused.statusCode());
    assertTrue(refused.headers().firstValue("Retry-After").isEmpty());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    return ManagementClient.send(request.build());
  }
}
