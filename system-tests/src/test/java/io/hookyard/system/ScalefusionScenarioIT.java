package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Scalefusion scenario of docs/scenarios/scalefusion.md: signed device events of several types,
 * one subscription per type, a mock event, and the delivery log an admin reads (summary, date
 * range, response code, request id, and the payload as sent).
 */
@ExtendWith(SystemStack.class)
class ScalefusionScenarioIT {
  static final String TENANT = "acme";
  static final ObjectMapper JSON = new ObjectMapper();

  HookyardStack stack;
  ManagementClient alice;
  RecordingServer itsm;
  RecordingServer security;
  String hookUrl;
  String sourceId;
  String secret;
  String itsmId;
  String securityId;

  @BeforeEach
  void setUp() throws Exception {
    stack = SystemStack.get();
    alice = stack.as("alice");
    itsm = RecordingServer.start();
    security = RecordingServer.start();
    // The security team's endpoint refuses lost-mode events: the log must show that failure.
    security.answerWith(r -> r.bodyText().contains("scalefusion.device.lost"), 422);
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    JsonNode source =
        alice.createSource(TENANT, "scalefusion-" + suffix, Map.of("vendor", "scalefusion"));
    hookUrl = source.path("url").asText();
    sourceId = source.path("id").asText();
    secret = source.path("secret").asText();
    assertTrue(!secret.isBlank(), "Hookyard generates the secret to paste into Scalefusion");

    itsmId = createDestination("itsm-" + suffix, itsm.url() + "/cmdb/devices", List.of("0s"));
    securityId = createDestination("security-" + suffix, security.url() + "/alerts", List.of("0s"));
    String onlyThisSource = "source eq '/hooks/" + TENANT + "/scalefusion-" + suffix + "'";
    subscribe("enrolled-" + suffix, List.of("scalefusion.device.enrolled"), onlyThisSource, itsmId);
    subscribe(
        "lost-or-locked-" + suffix,
        List.of("scalefusion.device.lost", "scalefusion.device.locked"),
        onlyThisSource,
        securityId);
  }

  @AfterEach
  void stopServers() {
    itsm.close();
    security.close();
  }

  @Test
  void eachTypeGoesWhereItsSubscriptionSaysAndTheLogShowsWhatHappened() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertEquals(202, post(event("device.enrolled", "SER-ENROLL-1")).statusCode());
    assertEquals(202, post(event("device.locked", "SER-LOCK-1")).statusCode());
    assertEquals(202, post(event("device.lost", "SER-LOST-1")).statusCode());
    assertEquals(202, post(event("device.rebooted", "SER-BOOT-1")).statusCode());

    RecordingServer.Recorded enrolled = itsm.await(r -> true, 1, Duration.ofSeconds(30)).get(0);
    assertEquals(
        "scalefusion.device.enrolled", JSON.readTree(enrolled.body()).path("type").asText());
    security.await(r -> true, 1, Duration.ofSeconds(30));
    String lostId = awaitDead();
    Thread.sleep(1000);
    assertEquals(1, itsm.requests().size(), "the reboot has no subscription");
    assertEquals(1, security.requests().size(), "the locked event, accepted");
    assertEquals(1, security.refused().size(), "the lost event, refused once: its schedule is 0s");

    // Summary of the security destination since the test began: two events, one failed for good.
    JsonNode summary =
        get("/deliveries/summary?period=hour&destinationId=" + securityId + "&since=" + start);
    assertEquals(2, summary.path("totals").path("all").asInt(), summary.toString());
    assertEquals(1, summary.path("totals").path("succeeded").asInt(), summary.toString());
    assertEquals(1, summary.path("totals").path("dead").asInt(), summary.toString());

    // Filters: response code, request id (the webhook-id the endpoint saw), date range.
    JsonNode refused =
        alice.deliveries(TENANT, Map.of("destinationId", securityId, "responseCode", "422"));
    assertEquals(1, refused.path("items").size(), refused.toString());
    assertEquals(lostId, refused.path("items").get(0).path("id").asText());
    assertEquals(
        "scalefusion.device.lost", refused.path("items").get(0).path("eventType").asText());
    String requestId = enrolled.header("webhook-id");
    JsonNode byRequestId = alice.deliveries(TENANT, Map.of("deliveryId", requestId));
    assertEquals(1, byRequestId.path("items").size());
    assertEquals(itsmId, byRequestId.path("items").get(0).path("destinationId").asText());
    JsonNode before =
        alice.deliveries(
            TENANT, Map.of("destinationId", itsmId, "until", start.minusSeconds(60).toString()));
    assertEquals(0, before.path("items").size(), "nothing of this test before it began");

    // The payload view: the request exactly as the endpoint received it.
    JsonNode detail = alice.delivery(TENANT, requestId);
    JsonNode attempt = detail.path("attempts").get(0);
    assertEquals(200, attempt.path("response").path("status").asInt());
    assertEquals(enrolled.bodyText(), attempt.path("request").path("body").asText());
  }

  @Test
  void aMockEventTakesTheRealPathAndIsMarkedAsMock() throws Exception {
    HttpResponse<String> mocked =
        alice.call(
            HookyardService.RECEIVER,
            "POST",
            "/api/v1/tenants/" + TENANT + "/sources/" + sourceId + "/mock",
            "{\"type\":\"scalefusion.device.enrolled\"}");
    assertTrue(mocked.statusCode() / 100 == 2, mocked.statusCode() + " " + mocked.body());

    RecordingServer.Recorded received = itsm.await(r -> true, 1, Duration.ofSeconds(30)).get(0);
    JsonNode event = JSON.readTree(received.body());
    assertEquals("scalefusion.device.enrolled", event.path("type").asText());
    JsonNode entry = alice.delivery(TENANT, received.header("webhook-id"));
    assertTrue(entry.path("mock").asBoolean(), entry.toString());
    JsonNode mocks = alice.deliveries(TENANT, Map.of("destinationId", itsmId, "mock", "true"));
    assertEquals(1, mocks.path("items").size(), mocks.toString());
    JsonNode real = alice.deliveries(TENANT, Map.of("destinationId", itsmId, "mock", "false"));
    assertEquals(0, real.path("items").size(), real.toString());
  }

  private String awaitDead() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      JsonNode dead =
          alice.deliveries(TENANT, Map.of("destinationId", securityId, "status", "dead"));
      if (dead.path("items").size() == 1) {
        return dead.path("items").get(0).path("id").asText();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the lost-mode delivery never became a dead letter");
  }

  private byte[] event(String type, String serial) throws Exception {
    Map<String, Object> device = new HashMap<>();
    device.put("id", Math.abs(serial.hashCode()));
    device.put("name", "Device " + serial);
    device.put("serial_no", serial);
    device.put("platform", "android");
    return JSON.writeValueAsBytes(
        Map.of(
            "event",
            type,
            "timestamp",
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            "data",
            Map.of("devices", List.of(device))));
  }

  private HttpResponse<String> post(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return ManagementClient.send(
        HttpRequest.newBuilder(URI.create(hookUrl))
            .header("Content-Type", "application/json")
            .header("X-SF-Signature", HexFormat.of().formatHex(mac.doFinal(body)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private String createDestination(String name, String url, List<String> schedule)
      throws Exception {
    HttpResponse<String> created =
        alice.call(
            HookyardService.DELIVERY,
            "POST",
            "/api/v1/tenants/" + TENANT + "/destinations",
            JSON.writeValueAsString(Map.of("name", name, "url", url, "retrySchedule", schedule)));
    assertEquals(201, created.statusCode(), created.body());
    return JSON.readTree(created.body()).path("id").asText();
  }

  private void subscribe(String name, List<String> types, String filter, String destinationId)
      throws Exception {
    HttpResponse<String> created =
        alice.call(
            HookyardService.RULES,
            "POST",
            "/api/v1/tenants/" + TENANT + "/subscriptions",
            JSON.writeValueAsString(
                Map.of(
                    "name",
                    name,
                    "eventTypes",
                    types,
                    "filter",
                    filter,
                    "destinationId",
                    destinationId)));
    assertEquals(201, created.statusCode(), created.body());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        alice.call(HookyardService.DELIVERY, "GET", "/api/v1/tenants/" + TENANT + path, null);
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }
}
