package io.hookyard.receiver.outbox;

import io.hookyard.common.worker.SignalledWorker;
import io.hookyard.receiver.config.ReceiverConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Runs the outbox forwarder in the background: right after each accepted event, and on a poll
 * interval for whatever is left (events accepted before a restart, or waiting out a backoff).
 */
@Singleton
public class OutboxRelay {
  private final OutboxForwarder forwarder;
  private final SignalledWorker worker;

  public OutboxRelay(OutboxForwarder forwarder, ReceiverConfig config) {
    this.forwarder = forwarder;
    this.worker =
        new SignalledWorker(
            "outbox-relay", config.outbox().pollInterval(), forwarder::forwardIfPeerUp);
  }

  void start(@Observes StartupEvent event) {
    Thread.ofVirtual().name("peer-probe").start(forwarder::probePeer);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    worker.stop(Duration.ofSeconds(10));
  }

  public void signal() {
    worker.signal();
  }
}
