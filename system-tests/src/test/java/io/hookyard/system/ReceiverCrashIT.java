package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** kill -9 of the receiver under load: whatever it answered 2xx is committed and delivered. */
@ExtendWith(SystemStack.class)
class ReceiverCrashIT {
  static final ObjectMapper JSON = new ObjectMapper();

  Wiring wiring;

  @AfterEach
  void stopSink() {
    if (wiring != null) {
      wiring.sink().close();
    }
  }

  @Test
  void everyEventAnswered2xxSurvivesAKillAndIsDelivered() throws Exception {
    HookyardStack stack = SystemStack.get();
    wiring = Wiring.create(stack.as("alice"), "acme");
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService senders = Executors.newFixedThreadPool(4);
    for (int thread = 0; thread < 4; thread++) {
      int sender = thread;
      senders.execute(() -> send(sender, running, accepted));
    }
    Thread.sleep(2_000);
    int beforeKill = accepted.size();
    stack.kill(HookyardService.RECEIVER);
    Thread.sleep(500);
    stack.restart(HookyardService.RECEIVER);
    Thread.sleep(2_000);
    running.set(false);
    senders.shutdown();
    assertTrue(senders.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
    assertTrue(beforeKill > 0, "load ran before the kill");
    assertTrue(accepted.size() > beforeKill, "load ran after the restart");

    // A kill between the commit and the answer leaves an event stored that nobody saw accepted;
    // so the stored set may be larger than the accepted one, never smaller.
    Set<String> stored = storedEventIds(stack);
    assertTrue(stored.containsAll(accepted), "every event answered 2xx is in the database");
    RecordingServer sink = wiring.sink();
    sink.await(r -> true, stored.size(), Duration.ofSeconds(60));
    Map<String, Integer> perEvent = new HashMap<>();
    for (RecordingServer.Recorded request : sink.requests()) {
      perEvent.merge(JSON.readTree(request.body()).path("id").asText(), 1, Integer::sum);
    }
    assertEquals(stored, perEvent.keySet(), "every stored event was delivered");
    assertTrue(perEvent.values().stream().allMatch(count -> count == 1), "none twice: " + perEvent);
  }

  private void send(int sender, AtomicBoolean running, Set<String> accepted) {
    int n = 0;
    while (running.get()) {
      try {
        HttpResponse<String> response =
            ManagementClient.postEvent(
                wiring.hookUrl(),
                wiring.sourceSecret(),
                wiring.event("\"sender\":" + sender + ",\"n\":" + n++));
        if (response.statusCode() / 100 == 2) {
          accepted.add(JSON.readTree(response.body()).path("id").asText());
        }
      } catch (Exception e) {
        // The receiver is down: the vendor would retry later. Only 2xx answers count.
        pause();
      }
    }
  }

  private Set<String> storedEventIds(HookyardStack stack) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        PreparedStatement query =
            connection.prepareStatement("select id from receiver.event where source_id = ?")) {
      query.setString(1, wiring.sourceId());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
