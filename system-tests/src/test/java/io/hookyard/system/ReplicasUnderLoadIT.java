package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Horizontal scaling on one database: two receivers take the load, their outbox relays share one
 * outbox, and several delivery-service instances share the queue and run the log retention at once.
 * No event is lost, none reaches the sink twice (counted by {@code webhook-id}), every instance did
 * part of the work, and the retention dropped every finished delivery without errors.
 */
@ExtendWith(SystemStack.class)
class ReplicasUnderLoadIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern SUCCEEDED =
      Pattern.compile("hookyard_delivery_attempts_total\\{outcome=\"succeeded\",?\\} ([0-9.E]+)");
  // The replicas drop finished deliveries a second after they finish, checking every second. They
  // also look for due deliveries every 50 ms: the queue goes to whichever instance asks first, and
  // the first instance is woken by every attempt it finishes, so replicas woken only by their own
  // intake (which the first instance's relays may have taken) and a 1 s poll can lose every race
  // under a light load. Asking often, they take their share of the same load.
  static final Map<String, String> DELIVERY_REPLICA =
      Map.of(
          "hookyard.delivery.retention.max-age", "1s",
          "hookyard.delivery.retention.interval", "1s",
          "hookyard.delivery.retention.start-delay", "1s",
          "hookyard.delivery.worker.poll-interval", "50ms");

  final List<HookyardStack.Replica> replicas = new ArrayList<>();
  Wiring wiring;

  @AfterEach
  void stop() {
    replicas.forEach(replica -> replica.process().stop(Duration.ofSeconds(30)));
    if (wiring != null) {
      wiring.sink().close();
    }
  }

  @Test
  void twoReceiversAndSeveralDeliveryServicesUnderLoadLoseNothingAndSendNothingTwice()
      throws Exception {
    HookyardStack stack = SystemStack.get();
    Instant started = Instant.now();
    HookyardStack.Replica delivery2 = start(stack, HookyardService.DELIVERY, DELIVERY_REPLICA);
    HookyardStack.Replica delivery3 = start(stack, HookyardService.DELIVERY, DELIVERY_REPLICA);
    HookyardStack.Replica rules2 =
        start(
            stack,
            HookyardService.RULES,
            Map.of("quarkus.rest-client.delivery.url", delivery2.url()));
    HookyardStack.Replica receiver =
        start(
            stack, HookyardService.RECEIVER, Map.of("quarkus.rest-client.rules.url", rules2.url()));
    String delivery1 = stack.url(HookyardService.DELIVERY);
    double deliveredBefore = succeeded(delivery1);
    wiring =
        Wiring.create(stack.as("alice"), "acme", Map.of("settings", Map.of("rateLimit", "100000")));
    List<String> receivers = List.of(wiring.hookUrl(), wiring.hookUrlAt(receiver.url()));

    Load load = Load.start(wiring, receivers, 6);
    Thread.sleep(10_000);
    load.stop();
    Set<String> accepted = load.accepted();
    for (String url : receivers) {
      assertTrue(load.acceptedBy(url) > 0, "the receiver behind " + url + " took events");
    }

    RecordingServer sink = wiring.sink();
    sink.await(r -> true, accepted.size(), Duration.ofSeconds(120));
    Thread.sleep(2_000);
    Map<String, Integer> perWebhookId = new HashMap<>();
    Set<String> deliveredEvents = new HashSet<>();
    for (RecordingServer.Recorded request : sink.requests()) {
      perWebhookId.merge(request.header("webhook-id"), 1, Integer::sum);
      deliveredEvents.add(JSON.readTree(request.body()).path("id").asText());
    }
    assertEquals(accepted, deliveredEvents, "every accepted event was delivered, nothing else");
    assertEquals(accepted.size(), perWebhookId.size(), "one delivery per event");
    List<String> twice =
        perWebhookId.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(List.of(), twice, "none arrived twice");

    double sentBy1 = succeeded(delivery1) - deliveredBefore;
    double sentBy2 = succeeded(delivery2.url());
    String shares =
        "sent by the instances: %.0f, %.0f, %.0f"
            .formatted(sentBy1, sentBy2, succeeded(delivery3.url()));
    System.out.println("ReplicasUnderLoad: " + accepted.size() + " accepted; " + shares);
    assertTrue(sentBy1 > 0, "the first delivery instance sent some; " + shares);
    assertTrue(sentBy2 > 0, "the second delivery instance sent some; " + shares);
    assertOutboxesEmpty(stack, accepted);
    assertRetentionDroppedEverythingFinished(stack, List.of(delivery2, delivery3), started);
  }

  private HookyardStack.Replica start(
      HookyardStack stack, HookyardService service, Map<String, String> properties) {
    HookyardStack.Replica replica = stack.startReplica(service, properties);
    replicas.add(replica);
    return replica;
  }

  /** Both relays emptied the receiver's outbox, and rules-service forwarded every match. */
  private void assertOutboxesEmpty(HookyardStack stack, Set<String> accepted) throws Exception {
    String db = stack.databaseUrl();
    assertEquals(
        0,
        Database.count(
            db,
            "select count(*) from receiver.outbox o join receiver.event e on e.id = o.event_id"
                + " where e.source_id = ?",
            wiring.sourceId()),
        "the receivers' outbox is empty");
    assertEquals(
        accepted.size(),
        Database.count(
            db,
            "select count(*) from rules.received_event r join receiver.event e on e.id = r.id"
                + " where e.source_id = ?",
            wiring.sourceId()),
        "rules-service took every event once");
    assertEquals(
        0,
        Database.count(
            db,
            "select count(*) from rules.delivery_request d join receiver.event e"
                + " on e.id = d.event_id where e.source_id = ? and d.forwarded_at is null",
            wiring.sourceId()),
        "every match was forwarded");
  }

  /**
   * The replicas' retention ran at once on the same table: every delivery of the test finished and
   * was dropped with its attempts, and neither replica logged an error.
   */
  private void assertRetentionDroppedEverythingFinished(
      HookyardStack stack, List<HookyardStack.Replica> withRetention, Instant since)
      throws Exception {
    String db = stack.databaseUrl();
    String sql =
        "select count(*) from delivery.delivery d join receiver.event e on e.id = d.event_id"
            + " where e.source_id = ?";
    Instant deadline = Instant.now().plusSeconds(30);
    while (Database.count(db, sql, wiring.sourceId()) > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    assertEquals(0, Database.count(db, sql, wiring.sourceId()), "retention dropped them all");
    for (HookyardStack.Replica replica : withRetention) {
      Path log = replica.process().logFile();
      // The log file may hold earlier runs of an instance of the same name; only this run counts.
      List<String> errors =
          Files.readAllLines(log).stream()
              .filter(line -> line.contains("\"ERROR\"") && loggedSince(line, since))
              .toList();
      assertEquals(List.of(), errors, "errors in " + log);
    }
  }

  private static boolean loggedSince(String jsonLine, Instant since) {
    try {
      return !Instant.parse(JSON.readTree(jsonLine).path("timestamp").asText()).isBefore(since);
    } catch (Exception e) {
      return true;
    }
  }

  private static double succeeded(String deliveryUrl) {
    String text =
        io.hookyard.stack.ManagementClient.send(
                HttpRequest.newBuilder(URI.create(deliveryUrl + "/q/metrics")).build())
            .body();
    Matcher matcher = SUCCEEDED.matcher(text);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
