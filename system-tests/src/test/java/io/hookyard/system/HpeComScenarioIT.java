package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HPE Compute Ops Management scenario of docs/scenarios/hpe-com.md: the verification handshake,
 * the server-shutdown filter across successive server events, and a fan-out to Slack, e-mail (a
 * real SMTP server) and a record API, with the server's tags as text lines.
 */
@ExtendWith(SystemStack.class)
class HpeComScenarioIT {
  static final String TENANT = "acme";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SHUTDOWN =
      "type eq 'compute-ops/server' and old/hardware/powerState eq 'ON'"
          + " and changed/hardware/powerState eq True";

  HookyardStack stack;
  ManagementClient alice;
  RecordingServer slack;
  RecordingServer records;
  GreenMail smtp;
  String hookUrl;
  String secret;
  String serverId;
  String settingsBefore;

  @BeforeEach
  void setUp() throws Exception {
    stack = SystemStack.get();
    alice = stack.as("alice");
    slack = RecordingServer.start();
    records = RecordingServer.start();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    serverId = "P28948-B21+CZ" + suffix;

    JsonNode source = alice.createSource(TENANT, "hpe-" + suffix, Map.of("vendor", "hpe-com"));
    hookUrl = source.path("url").asText();
    secret = source.path("secret").asText();
    useTheTestSmtpServer();

    String slackId = destination("slack-" + suffix, slack.url() + "/services/T0/B0/hpe");
    String recordsId = destination("records-" + suffix, records.url());
    String mailId = destination("oncall-mail-" + suffix, "http://127.0.0.1:9/unused-by-e-mail");
    subscribe(
        "shutdown-slack-" + suffix,
        step(
            "slack",
            slackId,
            Map.of(
                "preset",
                "SLACK",
                "fields",
                Map.of(
                    "text",
                    ":warning: Server *{data.name}* has just been shut down!"
                        + " iLO {data.hardware.bmc.ip}, S/N {data.hardware.serialNumber}"))));
    subscribe(
        "shutdown-mail-" + suffix,
        step(
            "mail",
            mailId,
            Map.of(
                "email",
                Map.of(
                    "to",
                    List.of("oncall@acme.example"),
                    "subject",
                    "Server {data.name} shut down",
                    "text",
                    "Server {data.name} ({data.hardware.model}, S/N {data.hardware.serialNumber})"
                        + " is off.\n{#for t in data.tags.entries}Tag{t_count}:{t.key}/{t.value}\n"
                        + "{/for}"))));
    subscribe(
        "shutdown-record-" + suffix,
        step(
            "record",
            recordsId,
            Map.of(
                "method",
                "POST",
                "path",
                "/v1/pages",
                "body",
                "{\"server\":{data.name.json},\"serial\":{data.hardware.serialNumber.json},"
                    + "\"powerState\":{data.hardware.powerState.json},\"tags\":"
                    + "{#json}{#for t in data.tags.entries}Tag{t_count}:{t.key}/{t.value}"
                    + "{#if t_hasNext}\n{/if}{/for}{/json}}")));
  }

  @AfterEach
  void tearDown() throws Exception {
    HttpResponse<String> restored =
        alice.call(
            HookyardService.DELIVERY,
            "PUT",
            "/api/v1/tenants/" + TENANT + "/delivery-settings",
            settingsBefore);
    assertEquals(200, restored.statusCode(), restored.body());
    slack.close();
    records.close();
    smtp.stop();
  }

  @Test
  void theHandshakeAnswersTheChallengeExactly() {
    HttpResponse<String> answer =
        ManagementClient.send(
            HttpRequest.newBuilder(URI.create(hookUrl))
                .header("x-compute-ops-mgmt-verification-challenge", "c2VjcmV0LWNoYWxsZW5nZQ")
                .header("Authorization", "Bearer " + secret)
                .GET()
                .build());
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(
        "application/json", answer.headers().firstValue("content-type").orElse("").split(";")[0]);
    assertEquals("{\"verification\":\"c2VjcmV0LWNoYWxsZW5nZQ\"}", answer.body());
  }

  @Test
  void aServerShutdownFansOutToSlackEmailAndARecord() throws Exception {
    assertEquals(202, post(server("ON", "ok")).statusCode());
    HttpResponse<String> shutdown = post(server("OFF", "ok"));
    assertEquals(202, shutdown.statusCode(), shutdown.body());
    String shutdownId = JSON.readTree(shutdown.body()).path("id").asText();
    assertEquals(202, post(server("OFF", "changed while off")).statusCode());

    RecordingServer.Recorded message = slack.await(r -> true, 1, Duration.ofSeconds(30)).get(0);
    assertEquals(
        JSON.readTree(
            "{\"text\":\":warning: Server *esx-prod-07* has just been shut down!"
                + " iLO 10.20.30.47, S/N CZ2311004H\"}"),
        JSON.readTree(message.body()));

    RecordingServer.Recorded record = records.await(r -> true, 1, Duration.ofSeconds(30)).get(0);
    assertEquals("POST", record.method());
    assertEquals("/v1/pages", record.path());
    assertEquals(
        "{\"server\":\"esx-prod-07\",\"serial\":\"CZ2311004H\",\"powerState\":\"OFF\","
            + "\"tags\":\"Tag1:Location/Houston\\nTag2:Owner/James\"}",
        record.bodyText());

    assertTrue(smtp.waitForIncomingEmail(30_000, 1), "an e-mail arrives");
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertEquals("Server esx-prod-07 shut down", mail.getSubject());
    assertEquals("oncall@acme.example", mail.getAllRecipients()[0].toString());
    assertEquals(
        "Server esx-prod-07 (ProLiant DL360 Gen11, S/N CZ2311004H) is off.\n"
            + "Tag1:Location/Houston\nTag2:Owner/James",
        String.valueOf(mail.getContent()).replace("\r\n", "\n").stripTrailing());

    Thread.sleep(1500);
    assertEquals(1, slack.requests().size(), "one shutdown, one message");
    assertEquals(1, records.requests().size());
    assertEquals(1, smtp.getReceivedMessages().length);
    JsonNode log = alice.deliveries(TENANT, Map.of("eventId", shutdownId));
    assertEquals(3, log.path("items").size(), log.toString());
    for (JsonNode delivery : log.path("items")) {
      assertEquals("SUCCEEDED", delivery.path("status").asText(), delivery.toString());
    }
  }

  private byte[] server(String powerState, String note) throws Exception {
    ObjectNode server = JSON.createObjectNode();
    server.put("id", serverId);
    server.put("type", "compute-ops-mgmt/server");
    server.put("name", "esx-prod-07");
    server.put("operation", "Updated");
    server.put("updatedAt", Instant.now().toString());
    server.put("note", note);
    ObjectNode hardware = server.putObject("hardware");
    hardware.put("serialNumber", "CZ2311004H");
    hardware.put("model", "ProLiant DL360 Gen11");
    hardware.put("powerState", powerState);
    hardware.putObject("bmc").put("ip", "10.20.30.47");
    ObjectNode tags = server.putObject("tags");
    tags.put("Location", "Houston");
    tags.put("Owner", "James");
    return JSON.writeValueAsBytes(server);
  }

  private HttpResponse<String> post(byte[] body) {
    return ManagementClient.send(
        HttpRequest.newBuilder(URI.create(hookUrl))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + secret)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private void useTheTestSmtpServer() throws Exception {
    HttpResponse<String> current =
        alice.call(
            HookyardService.DELIVERY,
            "GET",
            "/api/v1/tenants/" + TENANT + "/delivery-settings",
            null);
    assertEquals(200, current.statusCode(), current.body());
    settingsBefore = current.body();
    ObjectNode settings = (ObjectNode) JSON.readTree(current.body());
    ObjectNode server = settings.putObject("smtp");
    server.put("host", "127.0.0.1");
    server.put("port", smtp.getSmtp().getPort());
    server.put("tls", "NONE");
    server.put("from", "hookyard@acme.example");
    HttpResponse<String> saved =
        alice.call(
            HookyardService.DELIVERY,
            "PUT",
            "/api/v1/tenants/" + TENANT + "/delivery-settings",
            JSON.writeValueAsString(settings));
    assertEquals(200, saved.statusCode(), saved.body());
  }

  private String destination(String name, String url) {
    return alice.createDestination(TENANT, name, url).path("id").asText();
  }

  private static Map<String, Object> step(
      String name, String destinationId, Map<String, Object> fields) {
    Map<String, Object> step = new LinkedHashMap<>(fields);
    step.put("name", name);
    step.put("destinationId", destinationId);
    return step;
  }

  private void subscribe(String name, Map<String, Object> step) throws Exception {
    Map<String, Object> body =
        Map.of(
            "name",
            name,
            "eventTypes",
            List.of("compute-ops/server"),
            "filter",
            SHUTDOWN + " and subject eq '" + serverId + "'",
            "action",
            Map.of("steps", List.of(step)));
    HttpResponse<String> created =
        alice.call(
            HookyardService.RULES,
            "POST",
            "/api/v1/tenants/" + TENANT + "/subscriptions",
            JSON.writeValueAsString(body));
    assertEquals(201, created.statusCode(), created.body());
  }
}
