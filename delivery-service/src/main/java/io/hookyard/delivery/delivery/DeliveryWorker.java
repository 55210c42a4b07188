package io.hookyard.delivery.delivery;

import io.hookyard.common.worker.SignalledWorker;
import io.hookyard.delivery.config.DeliveryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Takes due deliveries from the queue and sends them, many at once on virtual threads. It wakes
 * when new requests arrive and otherwise polls, which also picks up retries that fall due and
 * deliveries whose worker died (their lease runs out).
 */
@ApplicationScoped
public class DeliveryWorker {
  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

  private final DeliveryQueue queue;
  private final DeliverySender sender;
  private final DeliveryConfig.Worker config;
  private final Semaphore inFlight;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final SignalledWorker worker;

  public DeliveryWorker(DeliveryQueue queue, DeliverySender sender, DeliveryConfig config) {
    this.queue = queue;
    this.sender = sender;
    this.config = config.worker();
    this.inFlight = new Semaphore(this.config.concurrency());
    this.worker =
        new SignalledWorker("delivery-worker", this.config.pollInterval(), this::deliverDue);
  }

  void start(@Observes StartupEvent event) {
    worker.start();
  }

  /** Stops claiming, then lets the attempts in flight finish; what is left is released by lease. */
  void stop(@Observes ShutdownEvent event) {
    worker.stop(Duration.ofSeconds(10));
    executor.shutdown();
    try {
      executor.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void signal() {
    worker.signal();
  }

  private boolean deliverDue() {
    int free = inFlight.availablePermits();
    if (free == 0) {
      return false;
    }
    List<DeliveryQueue.Claim> claims = queue.claimDue(Math.min(free, config.batchSize()));
    for (DeliveryQueue.Claim claim : claims) {
      inFlight.acquireUninterruptibly();
      executor.execute(() -> attempt(claim));
    }
    return claims.size() == Math.min(free, config.batchSize());
  }

  private void attempt(DeliveryQueue.Claim claim) {
    try {
      if (claim.url() == null) {
        queue.bury(
            claim.delivery().id, DeadReason.DESTINATION_GONE, "The destination no longer exists.");
        return;
      }
      queue.record(claim.delivery().id, sender.send(claim.delivery(), claim.url()));
    } catch (RuntimeException e) {
      // The lease runs out and another round retries it; nothing is lost.
      LOG.errorf(e, "Could not record the attempt of delivery %s", claim.delivery().id);
    } finally {
      inFlight.release();
      worker.signal();
    }
  }
}
