package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two rules-service replicas take concurrent events of one subject. Whatever order they end up
 * applied in, the transitions must be exactly those of a serial run in that order: each event sees
 * the state of exactly one earlier event as its previous state, no two events see the same one, and
 * the chain covers every event.
 */
@ExtendWith(SystemStack.class)
class RulesReplicasIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int EVENTS = 24;

  RecordingServer sink;

  @AfterEach
  void stopSink() {
    if (sink != null) {
      sink.close();
    }
  }

  @Test
  void concurrentEventsOfOneSubjectOnTwoReplicasYieldTheTransitionsOfASerialRun() throws Exception {
    HookyardStack stack = SystemStack.get();
    String replica = stack.startReplica(HookyardService.RULES, Map.of()).url();
    String tenant = "acme";
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String type = "system.race." + suffix;
    Map<String, String> predecessorOf = subscribe(stack.as("alice"), tenant, type, suffix);

    Random random = new Random(suffix.hashCode());
    Map<String, Integer> seqOf = new HashMap<>();
    Map<Integer, String> powerOf = new HashMap<>();
    List<String> events = new ArrayList<>();
    for (int seq = 1; seq <= EVENTS; seq++) {
      String id = "evt_race" + suffix + "_" + seq;
      String power = random.nextBoolean() ? "ON" : "OFF";
      seqOf.put(id, seq);
      powerOf.put(seq, power);
      events.add(event(id, tenant, type, "srv-" + suffix, seq, power));
    }
    sendConcurrently(events, List.of(stack.url(HookyardService.RULES), replica));

    Map<String, List<String>> matches = matchesByEvent(stack, tenant, seqOf.keySet());
    Map<Integer, Integer> previousOf = new HashMap<>();
    List<Integer> withoutPrevious = new ArrayList<>();
    for (String id : seqOf.keySet()) {
      List<Integer> previous =
          matches.getOrDefault(id, List.of()).stream()
              .filter(predecessorOf::containsKey)
              .map(subscription -> Integer.valueOf(predecessorOf.get(subscription)))
              .toList();
      assertTrue(previous.size() <= 1, id + " saw more than one previous state: " + previous);
      if (previous.isEmpty()) {
        withoutPrevious.add(seqOf.get(id));
      } else {
        previousOf.put(seqOf.get(id), previous.getFirst());
      }
    }
    assertEquals(1, withoutPrevious.size(), "exactly one event came first: " + withoutPrevious);
    assertEquals(
        EVENTS - 1,
        new HashSet<>(previousOf.values()).size(),
        "no two events saw the same previous state: " + previousOf);

    List<Integer> order = serialOrder(withoutPrevious.getFirst(), previousOf);
    assertEquals(EVENTS, order.size(), "the chain of states covers every event: " + order);
    Set<Integer> expectedShutdowns = new HashSet<>();
    for (int i = 1; i < order.size(); i++) {
      if (powerOf.get(order.get(i - 1)).equals("ON") && powerOf.get(order.get(i)).equals("OFF")) {
        expectedShutdowns.add(order.get(i));
      }
    }
    Set<Integer> shutdowns = new HashSet<>();
    matches.forEach(
        (id, subscriptions) -> {
          if (subscriptions.contains(predecessorOf.get("shutdown"))) {
            shutdowns.add(seqOf.get(id));
          }
        });
    assertEquals(expectedShutdowns, shutdowns, "the shutdowns of a serial run in " + order);
  }

  /**
   * One subscription per event that may come before another ({@code old/seq eq k}), so the
   * deliveries tell which state each event saw as previous; and one for the ON to OFF transition.
   * Returns subscription id to the k it stands for, and "shutdown" to the transition's id.
   */
  private Map<String, String> subscribe(
      ManagementClient admin, String tenant, String type, String suffix) {
    sink = RecordingServer.start();
    String destination =
        admin.createDestination(tenant, "race-" + suffix, sink.url()).path("id").asText();
    Map<String, String> subscriptions = new HashMap<>();
    for (int seq = 1; seq <= EVENTS; seq++) {
      String id =
          admin
              .createSubscription(
                  tenant,
                  "race-" + suffix + "-after-" + seq,
                  List.of(type),
                  destination,
                  "old/seq eq " + seq)
              .path("id")
              .asText();
      subscriptions.put(id, Integer.toString(seq));
    }
    String shutdown =
        admin
            .createSubscription(
                tenant,
                "race-" + suffix + "-shutdown",
                List.of(type),
                destination,
                "old/power eq 'ON' and changed/power eq True")
            .path("id")
            .asText();
    subscriptions.put("shutdown", shutdown);
    return subscriptions;
  }

  private static String event(
      String id, String tenant, String type, String subject, int seq, String power) {
    return """
        [{"specversion":"1.0","id":"%s","source":"/hooks/%s/race","type":"%s","subject":"%s",
          "datacontenttype":"application/json","tenant":"%s","sourceid":"src_race",
          "data":{"seq":%d,"power":"%s"}}]"""
        .formatted(id, tenant, type, subject, tenant, seq, power);
  }

  /** Each event alone, to one replica or the other, all released at once from eight threads. */
  private static void sendConcurrently(List<String> events, List<String> replicas)
      throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    String token = SystemStack.get().serviceToken(HookyardService.RECEIVER);
    for (int i = 0; i < events.size(); i++) {
      String body = events.get(i);
      String intake = replicas.get(i % replicas.size()) + "/internal/v1/events";
      answers.add(
          senders.submit(
              () -> {
                start.await();
                HttpResponse<String> response =
                    ManagementClient.send(
                        HttpRequest.newBuilder(URI.create(intake))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build());
                return response.statusCode();
              }));
    }
    start.countDown();
    for (Future<Integer> answer : answers) {
      assertEquals(204, answer.get(), "the intake committed the event");
    }
    senders.shutdown();
  }

  /** The subscriptions each event matched, as rules-service recorded them. */
  private static Map<String, List<String>> matchesByEvent(
      HookyardStack stack, String tenant, Set<String> eventIds) throws Exception {
    Map<String, List<String>> matches = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        PreparedStatement query =
            connection.prepareStatement(
                "select event_id, subscription_id from rules.delivery_request"
                    + " where tenant = ? and event_id = any (?)")) {
      query.setString(1, tenant);
      query.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          matches
              .computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
              .add(rows.getString(2));
        }
      }
    }
    return matches;
  }

  private static List<Integer> serialOrder(int first, Map<Integer, Integer> previousOf) {
    Map<Integer, Integer> nextOf = new HashMap<>();
    previousOf.forEach((event, previous) -> nextOf.put(previous, event));
    List<Integer> order = new ArrayList<>();
    for (Integer seq = first; seq != null && order.size() <= previousOf.size(); ) {
      order.add(seq);
      seq = nextOf.get(seq);
    }
    assertNotNull(order.getFirst());
    return order;
  }
}
