package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One event's way through the three services is one trace, although it crosses two outboxes and
 * background relays: each service exports spans of the trace the vendor's request started (to a
 * real OTLP/HTTP collector), the delivered CloudEvent carries it in its {@code traceparent}
 * attribute, and each service's JSON log has a line about the event with its id, tenant and trace.
 */
@ExtendWith(SystemStack.class)
class EventTraceIT {
  static final ObjectMapper JSON = new ObjectMapper();

  Wiring wiring;

  @AfterEach
  void stopSink() {
    if (wiring != null) {
      wiring.sink().close();
    }
  }

  @Test
  void oneEventIsOneTraceAcrossReceiverRulesAndDelivery() throws Exception {
    HookyardStack stack = SystemStack.get();
    wiring = Wiring.create(stack.as("alice"), "acme");
    byte[] traceId = new byte[16];
    new SecureRandom().nextBytes(traceId);
    String traceHex = HexFormat.of().formatHex(traceId);
    String traceparent = "00-" + traceHex + "-00f067aa0ba902b7-01";

    HttpResponse<String> answer = postTraced(traceparent);
    assertEquals(202, answer.statusCode(), answer.body());
    String eventId = JSON.readTree(answer.body()).path("id").asText();

    RecordingServer.Recorded delivered =
        wiring.sink().await(r -> true, 1, Duration.ofSeconds(30)).getFirst();
    JsonNode envelope = JSON.readTree(delivered.body());
    assertEquals(eventId, envelope.path("id").asText());
    assertTrue(
        envelope.path("traceparent").asText().startsWith("00-" + traceHex + "-"),
        "the delivered CloudEvent carries the trace: " + envelope.path("traceparent"));

    // The console is not on the event's path; the three event services are.
    for (HookyardService service :
        List.of(HookyardService.RECEIVER, HookyardService.RULES, HookyardService.DELIVERY)) {
      assertTrue(
          awaitSpansOf(service.module(), traceId),
          service.module() + " exported spans of the event's trace");
      Optional<JsonNode> line = awaitLogLine(stack.logFile(service), eventId);
      assertTrue(line.isPresent(), service.module() + " logged the event as JSON with its id");
      JsonNode mdc = line.get().path("mdc");
      assertEquals("acme", mdc.path("tenant").asText(), service + " logs the tenant");
      assertEquals(traceHex, mdc.path("traceId").asText(), service + " logs the trace id");
    }
  }

  private HttpResponse<String> postTraced(String traceparent) {
    return ManagementClient.send(
        HttpRequest.newBuilder(URI.create(wiring.hookUrl()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + wiring.sourceSecret())
            .header("Content-Type", "application/json")
            .header("traceparent", traceparent)
            .POST(HttpRequest.BodyPublishers.ofString(wiring.event("\"traced\":true")))
            .build());
  }

  /**
   * Whether a service exported a span of the trace: an OTLP protobuf request holding both the
   * service's name (its resource) and the trace id's 16 bytes.
   */
  private static boolean awaitSpansOf(String serviceName, byte[] traceId)
      throws InterruptedException {
    byte[] name = serviceName.getBytes(StandardCharsets.UTF_8);
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      for (RecordingServer.Recorded export : SystemStack.traces().requests()) {
        if (contains(export.body(), name) && contains(export.body(), traceId)) {
          return true;
        }
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static Optional<JsonNode> awaitLogLine(Path log, String eventId)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(deadline)) {
      for (String line : lines(log)) {
        if (line.startsWith("{") && line.contains(eventId)) {
          JsonNode json = JSON.readTree(line);
          if (eventId.equals(json.path("mdc").path("eventId").asText())) {
            return Optional.of(json);
          }
        }
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  private static List<String> lines(Path log) throws IOException {
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : new ArrayList<>();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
