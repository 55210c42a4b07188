package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Chaos under load, on a stack of its own: while vendors keep sending, each service in turn is
 * killed with {@code kill -9} and started again (twice round), and PostgreSQL is stopped and
 * started again on the same data folder and port once. Afterwards every event answered 2xx has
 * reached the sink; counted by {@code webhook-id}, a delivery arrives twice only in the documented
 * at-least-once case (its attempt was sent, but its outcome not recorded, before a delivery-service
 * kill or the database restart), and those are counted; and nothing is stuck: every delivery
 * succeeded, the outboxes are empty.
 */
class ChaosIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int ROUNDS = 2;
  static final Duration BETWEEN = Duration.ofSeconds(2);
  // A shorter lease than in production, so the attempts a killed instance held are retried soon;
  // as in production, an attempt times out well within its lease.
  static final Map<String, String> PROPERTIES =
      Map.of("hookyard.delivery.worker.lease", "10s", "hookyard.delivery.request-timeout", "5s");
  // Generous, for a slow machine: the wait is over as soon as everything has arrived.
  static final Duration DRAIN = Duration.ofSeconds(300);

  @Test
  void killingEachServiceInTurnAndRestartingPostgresUnderLoadLosesNoAcceptedEvent()
      throws Exception {
    Path target = SystemStack.root().resolve("system-tests/target");
    Files.createDirectories(target);
    Path data = target.resolve("chaos-db-" + UUID.randomUUID().toString().substring(0, 8));
    try (HookyardStack stack = SystemStack.startOwn(data, "chaos-logs", PROPERTIES)) {
      Wiring wiring =
          Wiring.create(
              stack.as("alice"), "acme", Map.of("settings", Map.of("rateLimit", "100000")));
      try (RecordingServer sink = wiring.sink()) {
        List<Chaos.Loss> lostOutcomes = new ArrayList<>();
        List<String> timeline = new ArrayList<>();
        Load load = Load.start(wiring, List.of(wiring.hookUrl()), 4);
        for (int round = 1; round <= ROUNDS; round++) {
          for (HookyardService service : HookyardService.values()) {
            Thread.sleep(BETWEEN.toMillis());
            if (service == HookyardService.DELIVERY) {
              lostOutcomes.add(new Chaos.Loss(Instant.now(), Instant.now()));
            }
            timeline.add(Instant.now() + " kill " + service);
            stack.kill(service);
            stack.restart(service);
            timeline.add(Instant.now() + " " + service + " up again");
          }
          if (round == 1) {
            Thread.sleep(BETWEEN.toMillis());
            Instant down = Instant.now();
            stack.restartDatabase(Duration.ofSeconds(2));
            lostOutcomes.add(new Chaos.Loss(down, Instant.now()));
            timeline.add(down + " database down, up again at " + Instant.now());
          }
        }
        Thread.sleep(BETWEEN.toMillis());
        load.stop();
        Set<String> accepted = load.accepted();
        assertTrue(accepted.size() > 100, "load ran: " + accepted.size() + " accepted");

        Instant stopped = Instant.now();
        Set<String> delivered = awaitDelivered(sink, accepted, DRAIN);
        timeline.add(
            Instant.now()
                + " waited "
                + Duration.between(stopped, Instant.now())
                + " for the sink");
        // Printed before any check, so that the report of a failed run tells what happened when.
        System.out.println("Chaos timeline: " + timeline);
        assertTrue(
            delivered.containsAll(accepted),
            "every accepted event reached the sink; missing: " + missing(accepted, delivered));
        Chaos.Duplicates duplicates = Chaos.duplicates(sink.requests(), lostOutcomes);
        assertEquals(
            List.of(),
            duplicates.unexplained(),
            "deliveries that arrived twice without a kill or restart between their sends;"
                + " timeline: "
                + timeline);
        assertNothingStuck(stack, wiring);
        System.out.printf(
            "Chaos: %d accepted, %d refused or dropped, %d delivered (%d stored but never"
                + " answered 2xx), %d deliveries sent twice, all after a lost outcome%n",
            accepted.size(),
            load.failed(),
            delivered.size(),
            delivered.size() - accepted.size(),
            duplicates.explained().size());
      }
    }
  }

  private static Set<String> awaitDelivered(
      RecordingServer sink, Set<String> accepted, Duration max) throws Exception {
    Instant deadline = Instant.now().plus(max);
    Set<String> delivered = eventIds(sink);
    while (!delivered.containsAll(accepted) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      delivered = eventIds(sink);
    }
    return delivered;
  }

  private static Set<String> eventIds(RecordingServer sink) throws Exception {
    Set<String> ids = new HashSet<>();
    for (RecordingServer.Recorded request : sink.requests()) {
      ids.add(JSON.readTree(request.body()).path("id").asText());
    }
    return ids;
  }

  private static List<String> missing(Set<String> accepted, Set<String> delivered) {
    return accepted.stream().filter(id -> !delivered.contains(id)).limit(20).toList();
  }

  /**
   * Once the load is over and everything arrived: the receiver's outbox holds none of the source's
   * events, rules-service forwarded every match, and every delivery succeeded. Events stored but
   * never answered (a receiver killed before it could) are not waited for by the sink check, so the
   * state is given time to settle before it is asserted.
   */
  private static void assertNothingStuck(HookyardStack stack, Wiring wiring) throws Exception {
    String db = stack.databaseUrl();
    String source = wiring.sourceId();
    Instant deadline = Instant.now().plusSeconds(60);
    Stuck stuck = Stuck.read(db, source);
    while (!stuck.isNone() && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      stuck = Stuck.read(db, source);
    }
    assertEquals(List.of(), stuck.unfinished(), "deliveries not succeeded");
    assertEquals(0, stuck.inOutbox(), "the receiver's outbox is empty");
    assertEquals(0, stuck.unforwarded(), "rules-service forwarded every match");
    assertEquals(stuck.stored(), stuck.withDelivery(), "every stored event has its delivery");
  }

  /** What is left of one source's events in the three services' tables. */
  private record Stuck(
      List<String> unfinished, long inOutbox, long unforwarded, long stored, long withDelivery) {
    static Stuck read(String db, String source) throws Exception {
      return new Stuck(
          Database.column(
              db,
              "select d.id || ' ' || d.status || ' ' || d.next_attempt_at from delivery.delivery d"
                  + " join receiver.event e on e.id = d.event_id"
                  + " where e.source_id = ? and d.status <> 'SUCCEEDED'",
              source),
          Database.count(
              db,
              "select count(*) from receiver.outbox o join receiver.event e on e.id = o.event_id"
                  + " where e.source_id = ?",
              source),
          Database.count(
              db,
              "select count(*) from rules.delivery_request d join receiver.event e"
                  + " on e.id = d.event_id where e.source_id = ? and d.forwarded_at is null",
              source),
          Database.count(db, "select count(*) from receiver.event where source_id = ?", source),
          Database.count(
              db,
              "select count(distinct d.event_id) from delivery.delivery d"
                  + " join receiver.event e on e.id = d.event_id where e.source_id = ?",
              source));
    }

    boolean isNone() {
      return unfinished.isEmpty() && inOutbox == 0 && unforwarded == 0 && stored == withDelivery;
    }
  }

  /** Duplicate arrivals at a sink, and whether a lost outcome explains each. */
  static final class Chaos {
    private Chaos() {}

    record Duplicates(List<String> explained, List<String> unexplained) {}

    /**
     * A time during which recorded outcomes can be lost: a delivery-service kill (a moment), or the
     * database restart (from going down until it answers again).
     */
    record Loss(Instant from, Instant until) {}

    /**
     * Groups arrivals by {@code webhook-id}. A delivery that arrived more than once is explained
     * when a time that loses recorded outcomes lies between its first and its last arrival, give or
     * take the seconds an attempt and the batched write of its outcome already under way may take.
     */
    static Duplicates duplicates(List<RecordingServer.Recorded> requests, List<Loss> losses) {
      Map<String, List<Instant>> arrivals = new TreeMap<>();
      for (RecordingServer.Recorded request : requests) {
        arrivals
            .computeIfAbsent(request.header("webhook-id"), id -> new ArrayList<>())
            .add(request.at());
      }
      List<String> explained = new ArrayList<>();
      List<String> unexplained = new ArrayList<>();
      arrivals.forEach(
          (id, times) -> {
            if (times.size() < 2) {
              return;
            }
            Instant first = times.stream().min(Instant::compareTo).orElseThrow();
            Instant last = times.stream().max(Instant::compareTo).orElseThrow();
            boolean lost =
                losses.stream()
                    .anyMatch(
                        loss ->
                            !first.isAfter(loss.until().plusSeconds(10))
                                && !last.isBefore(loss.from()));
            (lost ? explained : unexplained).add(id + " at " + times);
          });
      return new Duplicates(explained, unexplained);
    }
  }
}
