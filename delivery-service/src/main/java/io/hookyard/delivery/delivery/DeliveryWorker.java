package io.hookyard.delivery.delivery;

import io.hookyard.common.observability.EventTrace;
import io.hookyard.common.worker.SignalledWorker;
import io.hookyard.delivery.action.StepRunner;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.destination.DestinationDirectory;
import io.hookyard.delivery.destination.DestinationSettings;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes due deliveries from the queue and sends them, many at once on virtual threads: run the
 * attempt ({@link StepRunner}: build the request or the action's current step, send it, decide what
 * the answer means), and hand the outcome to the recorder. An action runs one step per claim, so
 * each step's destination applies its own limits. It wakes when new requests arrive and otherwise
 * polls, which also picks up retries that fall due and deliveries whose worker died (their lease
 * runs out). On shutdown it stops claiming, lets the attempts in flight finish for a grace period,
 * and releases the leases of those that did not.
 */
@ApplicationScoped
public class DeliveryWorker {
  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
  private static final Duration DEPTH_INTERVAL = Duration.ofSeconds(5);

  private final DeliveryQueue queue;
  private final DestinationDirectory destinations;
  private final StepRunner runner;
  private final AttemptRecorder recorder;
  private final DeliveryMetrics metrics;
  private final DeliveryConfig.Worker config;
  private final Tracer tracer;
  private final Semaphore inFlight;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  // Released at shutdown: whatever their attempts still bring back is not recorded, since another
  // instance may already hold them.
  private final Set<String> released = ConcurrentHashMap.newKeySet();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final SignalledWorker worker;
  private final SignalledWorker depthProbe;

  public DeliveryWorker(
      DeliveryQueue queue,
      DestinationDirectory destinations,
      StepRunner runner,
      AttemptRecorder recorder,
      DeliveryMetrics metrics,
      DeliveryConfig config,
      Tracer tracer) {
    this.queue = queue;
    this.destinations = destinations;
    this.runner = runner;
    this.recorder = recorder;
    this.metrics = metrics;
    this.config = config.worker();
    this.tracer = tracer;
    this.inFlight = new Semaphore(this.config.concurrency());
    this.worker =
        new SignalledWorker("delivery-worker", this.config.pollInterval(), this::deliverDue);
    this.depthProbe = new SignalledWorker("delivery-depth", DEPTH_INTERVAL, this::measureDepth);
  }

  void start(@Observes StartupEvent event) {
    recorder.start();
    worker.start();
    depthProbe.start();
  }

  void stop(@Observes ShutdownEvent event) {
    worker.stop(Duration.ofSeconds(10));
    depthProbe.stop(Duration.ofSeconds(1));
    executor.shutdown();
    try {
      executor.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Set<String> unfinished = Set.copyOf(held);
    released.addAll(unfinished);
    if (!unfinished.isEmpty()) {
      LOG.infof("Releasing %d deliveries still in flight at shutdown", unfinished.size());
      try {
        queue.release(unfinished);
      } catch (RuntimeException e) {
        LOG.warnf("Could not release deliveries at shutdown; their leases will run out: %s", e);
      }
    }
    recorder.stop(Duration.ofSeconds(5));
  }

  public void signal() {
    worker.signal();
  }

  private boolean deliverDue() {
    int free = inFlight.availablePermits();
    int full = Math.min(config.concurrency(), config.batchSize());
    // While attempts are in flight, wait until half the room is free: fewer, larger claims.
    if (free == 0 || (free < full / 2 && free < config.concurrency())) {
      return false;
    }
    int wanted = Math.min(free, config.batchSize());
    List<Claim> claims = queue.claimDue(wanted);
    for (Claim claim : claims) {
      // An attempt that outlived its lease is claimed again; the new lease is kept for it, but a
      // second copy is not sent while the first is still in flight here.
      if (!held.add(claim.deliveryId())) {
        LOG.warnf(
            "Delivery %s is still in flight past its lease; not sending it twice",
            claim.deliveryId());
        continue;
      }
      inFlight.acquireUninterruptibly();
      executor.execute(() -> attempt(claim));
    }
    return claims.size() == wanted;
  }

  private void attempt(Claim claim) {
    EnvelopeHead event = EnvelopeHead.of(claim.event());
    try (EventTrace trace =
        EventTrace.start(
            tracer,
            "deliver",
            SpanKind.CLIENT,
            event.traceparent(),
            claim.tenant(),
            event.eventId())) {
      trace.span().setAttribute("hookyard.delivery.id", claim.deliveryId());
      attemptTraced(claim);
    }
  }

  private void attemptTraced(Claim claim) {
    try {
      Optional<DestinationSettings> destination = destinations.find(claim.destinationId());
      if (destination.isEmpty()) {
        // Deleted after the claim: the next claim buries it; let it go now.
        queue.release(List.of(claim.deliveryId()));
        return;
      }
      Outcome outcome = runner.run(claim, destination.get());
      if (released.contains(claim.deliveryId())) {
        return;
      }
      recorder.record(outcome);
      metrics.attempted(outcome.result(), outcome.decision(), claim);
      LOG.debugf(
          "Delivery %s attempt %d: %s (%s)",
          claim.deliveryId(),
          claim.attemptsMade() + 1,
          outcome.decision().verdict(),
          outcome.result().status() != null
              ? outcome.result().status()
              : outcome.result().errorClass());
    } catch (RuntimeException e) {
      // The lease runs out and another round retries it; nothing is lost.
      LOG.errorf(e, "Could not finish the attempt of delivery %s", claim.deliveryId());
    } finally {
      held.remove(claim.deliveryId());
      inFlight.release();
      worker.signal();
    }
  }

  private boolean measureDepth() {
    metrics.queue(queue.depth());
    return false;
  }
}
