package io.hookyard.delivery.delivery;

import io.hookyard.common.db.DatabaseErrors;
import io.hookyard.delivery.config.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Group commit of finished attempts: the threads that sent them hand them over and wait, and one
 * writer stores whatever has gathered in one transaction ({@link AttemptLedger}). Under load that
 * is hundreds of attempts per commit instead of one.
 *
 * <p>An attempt has already reached its destination when its outcome is written, so an outcome that
 * cannot be written means the delivery is sent again once its lease runs out. When the database
 * cannot be reached (a restart, a failover, a pool waiting for connections), the writer therefore
 * keeps the batch and tries again, for as long as the leases of its deliveries hold.
 */
@ApplicationScoped
public class AttemptRecorder {
  private static final Logger LOG = Logger.getLogger(AttemptRecorder.class);

  private record Pending(Outcome outcome, CompletableFuture<Void> written) {}

  static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
  // Room left for the write itself before a lease runs out.
  static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AttemptLedger ledger;
  private final Clock clock;
  private final int batchSize;
  private final int writerCount;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running;

  public AttemptRecorder(AttemptLedger ledger, DeliveryConfig config, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
    this.batchSize = config.worker().recordBatchSize();
    this.writerCount = config.worker().recordWriters();
  }

  /** Starts the writers; while one waits for its commit, another gathers the next batch. */
  synchronized void start() {
    if (writers.isEmpty()) {
      running = true;
      for (int i = 0; i < writerCount; i++) {
        writers.add(Thread.ofPlatform().name("attempt-recorder-" + i).daemon().start(this::loop));
      }
    }
  }

  /** Stores the outcome with others; returns once it is committed, or throws if that failed. */
  public void record(Outcome outcome) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    queue.add(new Pending(outcome, written));
    written.join();
  }

  /** Writes what is queued, then stops; waits at most {@code grace}. */
  synchronized void stop(Duration grace) {
    running = false;
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread thread : writers) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writers.clear();
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>(batchSize);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    List<Pending> left = new ArrayList<>(batch);
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        ledger.recordAll(left.stream().map(Pending::outcome).toList());
        left.forEach(pending -> pending.written().complete(null));
        return;
      } catch (RuntimeException e) {
        Instant nextTry = clock.instant().plus(pause);
        List<Pending> giveUp =
            !running || Thread.currentThread().isInterrupted() || !DatabaseErrors.passing(e)
                ? List.copyOf(left)
                : left.stream().filter(pending -> !holds(pending, nextTry)).toList();
        left.removeAll(giveUp);
        if (!giveUp.isEmpty()) {
          // The leases run out and the deliveries are tried again; nothing is lost.
          LOG.errorf(e, "Could not record %d attempts", giveUp.size());
          giveUp.forEach(pending -> pending.written().completeExceptionally(e));
        }
        if (left.isEmpty()) {
          return;
        }
        LOG.warnf("Could not record %d attempts, trying again in %s: %s", left.size(), pause, e);
        sleep(pause);
        pause =
            pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
                ? LONGEST_PAUSE
                : pause.multipliedBy(2);
      }
    }
  }

  /** Whether the delivery is still this worker's when a write at {@code at} would finish. */
  private static boolean holds(Pending pending, Instant at) {
    return pending.outcome().claim().leaseUntil().isAfter(at.plus(LEASE_MARGIN));
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
