package io.hookyard.delivery.delivery;

import io.hookyard.delivery.config.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
 */
@ApplicationScoped
public class AttemptRecorder {
  private static final Logger LOG = Logger.getLogger(AttemptRecorder.class);

  private record Pending(Outcome outcome, CompletableFuture<Void> written) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AttemptLedger ledger;
  private final int batchSize;
  private final int writerCount;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running;

  public AttemptRecorder(AttemptLedger ledger, DeliveryConfig config) {
    this.ledger = ledger;
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
    try {
      ledger.recordAll(batch.stream().map(Pending::outcome).toList());
      batch.forEach(pending -> pending.written().complete(null));
    } catch (RuntimeException e) {
      // The leases run out and the deliveries are tried again; nothing is lost.
      LOG.errorf(e, "Could not record %d attempts", batch.size());
      batch.forEach(pending -> pending.written().completeExceptionally(e));
    }
  }
}
