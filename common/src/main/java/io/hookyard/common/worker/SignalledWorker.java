package io.hookyard.common.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A background loop that runs a unit of work as soon as it is signalled, and at least once per idle
 * interval otherwise. The work returns {@code true} when there may be more to do at once. A failing
 * unit of work waits out the idle interval before the next try, so a database outage never turns
 * into a hot loop.
 */
public final class SignalledWorker implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SignalledWorker.class);

  private final String name;
  private final Duration idleInterval;
  private final BooleanSupplier work;
  private final Semaphore wakeUp = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;

  public SignalledWorker(String name, Duration idleInterval, BooleanSupplier work) {
    this.name = name;
    this.idleInterval = idleInterval;
    this.work = work;
    this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
  }

  public SignalledWorker start() {
    thread.start();
    return this;
  }

  /** Asks the loop to run soon. Cheap, and safe to call from any thread. */
  public void signal() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  private void loop() {
    while (running) {
      boolean more = false;
      try {
        more = work.getAsBoolean();
      } catch (RuntimeException e) {
        LOG.warnf("%s failed, retrying in %s: %s", name, idleInterval, e.toString());
      }
      if (!more && running) {
        awaitSignal();
      }
    }
  }

  private void awaitSignal() {
    try {
      if (wakeUp.tryAcquire(idleInterval.toMillis(), TimeUnit.MILLISECONDS)) {
        wakeUp.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops the loop after the unit of work in progress, waiting for it at most {@code grace}. */
  public void stop(Duration grace) {
    running = false;
    wakeUp.release();
    try {
      thread.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
