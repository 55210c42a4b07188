package io.hookyard.receiver.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile and broken requests: each gets the right 4xx, stores nothing, and never a 500. */
@ReceiverTest
class BadInputTest {
  @Inject StoredEventRepository events;

  @TestHTTPResource("/")
  URL root;

  String tenant;
  String token;

  @BeforeEach
  void createSource() {
    tenant = Fixtures.newTenant();
    token = Fixtures.createSource(tenant, "demo");
  }

  @Test
  void invalidUtf8IsA400() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    post(body, ContentType.JSON.toString())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:invalid-json"));
    assertNothingStored();
  }

  @Test
  void aNulCharacterInTheSubjectIsA400AndStoresNothing() {
    post(
            "{\"subject\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8),
            ContentType.JSON.toString())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:invalid-characters"));
    assertNothingStored();
  }

  @Test
  void anEmptyBodyIsA400() {
    post(new byte[0], ContentType.JSON.toString())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:empty-body"));
    assertNothingStored();
  }

  @Test
  void aWrongContentTypeIsA415() {
    post("<xml/>".getBytes(StandardCharsets.UTF_8), "application/xml")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    assertNothingStored();
  }

  @Test
  void aTenMebibyteBodyIsA413() {
    byte[] body = new byte[10 * 1024 * 1024];
    Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[body.length - 1] = '}';
    post(body, ContentType.JSON.toString())
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    assertNothingStored();
  }

  @Test
  void aDeclaredLengthOverTheCeilingIsRefusedBeforeTheBodyIsRead() throws Exception {
    String head =
        "POST /hooks/"
            + tenant
            + "/demo HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{";
    String answer = exchange(head, 0);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("application/problem+json"), answer);
    assertNothingStored();
  }

  @Test
  void aBodyThatTricklesInTooSlowlyIsA408() throws Exception {
    String head =
        "POST /hooks/"
            + tenant
            + "/demo HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer "
            + token
            + "\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":";
    // The test profile's body timeout is 1 s; the rest of the body never comes.
    String answer = exchange(head, 3000);
    assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
    assertTrue(answer.contains("urn:hookyard:problem:body-timeout"), answer);
    assertNothingStored();
  }

  @Test
  void headersOverTheLimitAreA431Problem() throws Exception {
    String answer = exchange(withPadding(32 * 1024), 0);
    assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    assertTrue(answer.contains("application/problem+json"), answer);
    assertTrue(answer.contains("urn:hookyard:problem:header-fields-too-large"), answer);
    assertNothingStored();
  }

  @Test
  void headersJustUnderTheLimitAreAccepted() throws Exception {
    String answer = exchange(withPadding(8 * 1024), 0);
    assertTrue(answer.startsWith("HTTP/1.1 202"), answer);
  }

  @Test
  void headersPastTheHttpServersOwnCeilingAreStillRefusedWithA431() throws Exception {
    // Past quarkus.http.limits.max-header-size the HTTP decoder answers before any handler runs;
    // that answer has no body (see HookRequestGuard).
    String answer = exchange(withPadding(80 * 1024), 0);
    assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    assertNothingStored();
  }

  private String withPadding(int bytes) {
    return "POST /hooks/"
        + tenant
        + "/demo HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer "
        + token
        + "\r\nConnection: close\r\n"
        + "X-Padding: "
        + "a".repeat(bytes)
        + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
  }

  private io.restassured.response.Response post(byte[] body, String contentType) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(contentType)
        .body(body)
        .post("/hooks/{tenant}/demo", tenant);
  }

  /** Sends raw bytes, optionally waits, and returns what the server answered. */
  private String exchange(String request, long waitMillis) throws Exception {
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (waitMillis > 0) {
        Thread.sleep(waitMillis);
      }
      // Read what comes until the server closes the connection or stays silent for two seconds.
      socket.setSoTimeout(2_000);
      InputStream in = socket.getInputStream();
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int read; (read = in.read(buffer)) != -1; ) {
          answer.write(buffer, 0, read);
        }
      } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
        // Nothing more is coming.
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private void assertNothingStored() {
    assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> events.count("tenant", tenant)));
  }
}
