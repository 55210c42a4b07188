package io.hookyard.rules.outbox;

import io.hookyard.common.worker.SignalledWorker;
import io.hookyard.rules.config.RulesConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/** Runs the delivery forwarder right after each match, and on a poll interval for the rest. */
@ApplicationScoped
public class DeliveryRelay {
  private final DeliveryForwarder forwarder;
  private final SignalledWorker worker;

  public DeliveryRelay(DeliveryForwarder forwarder, RulesConfig config) {
    this.forwarder = forwarder;
    this.worker =
        new SignalledWorker(
            "delivery-relay", config.outbox().pollInterval(), forwarder::forwardIfPeerUp);
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
