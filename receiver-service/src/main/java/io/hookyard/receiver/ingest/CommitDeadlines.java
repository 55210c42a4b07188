package io.hookyard.receiver.ingest;

import io.hookyard.receiver.ingest.GroupCommitter.EventWrite;
import io.hookyard.receiver.ingest.GroupCommitter.Write;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Fails the writes whose commit is late, so that their requests answer 503 and the vendor sends
 * again. Each event write carries its deadline; a sweep looks over the writes still queued and the
 * batches being committed, and fails those past it.
 *
 * <p>One sweeping thread rather than a timer per request: scheduling and cancelling a timer for
 * every event woke the JDK's timer thread about once per event, a context switch that cost more
 * than the timer itself on a busy two-core machine (ADR 45).
 */
final class CommitDeadlines {
  private final Collection<Write> queued;
  private final Set<List<Write>> committing = ConcurrentHashMap.newKeySet();

  /**
   * @param queued the writes not yet taken by a writer, in the order they came
   */
  CommitDeadlines(Collection<Write> queued) {
    this.queued = queued;
  }

  /** A writer starts committing {@code batch} (a copy it does not change). */
  void committing(List<Write> batch) {
    committing.add(batch);
  }

  /** The writer is done with {@code batch}, whatever came of it. */
  void done(List<Write> batch) {
    committing.remove(batch);
  }

  /** Fails every write past its deadline at {@code nanoTime}; returns how many it failed. */
  int sweep(long nanoTime) {
    int failed = failLate(queued, nanoTime);
    for (List<Write> batch : committing) {
      failed += failLate(batch, nanoTime);
    }
    return failed;
  }

  private static int failLate(Collection<Write> writes, long nanoTime) {
    int failed = 0;
    for (Write write : writes) {
      if (write instanceof EventWrite event
          && nanoTime - event.deadline() >= 0
          && event
              .done()
              .completeExceptionally(new TimeoutException("The event was not committed in time"))) {
        failed++;
      }
    }
    return failed;
  }
}
