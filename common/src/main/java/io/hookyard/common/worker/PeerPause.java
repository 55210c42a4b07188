package io.hookyard.common.worker;

import java.time.Instant;

/**
 * Remembers that a peer service failed, and for how long a relay should leave it alone: the wait
 * grows with each failure in a row and resets on a success. Without it, a relay woken by every new
 * event would query and reschedule its whole outbox while the peer is down.
 */
public final class PeerPause {
  private final Backoff backoff;
  private int failuresInARow;
  private Instant pausedUntil = Instant.MIN;

  public PeerPause(Backoff backoff) {
    this.backoff = backoff;
  }

  public synchronized boolean isPaused(Instant now) {
    return now.isBefore(pausedUntil);
  }

  public synchronized void failed(Instant now) {
    failuresInARow++;
    pausedUntil = now.plus(backoff.after(failuresInARow));
  }

  public synchronized void succeeded() {
    failuresInARow = 0;
    pausedUntil = Instant.MIN;
  }
}
