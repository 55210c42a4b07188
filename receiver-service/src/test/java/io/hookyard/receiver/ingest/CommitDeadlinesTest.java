package io.hookyard.receiver.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookyard.receiver.ingest.GroupCommitter.EventWrite;
import io.hookyard.receiver.ingest.GroupCommitter.LogWrite;
import io.hookyard.receiver.ingest.GroupCommitter.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CommitDeadlinesTest {
  private static final long NOW = 5_000_000_000L;

  private final List<Write> queued = new ArrayList<>();
  private final CommitDeadlines deadlines = new CommitDeadlines(queued);

  @Test
  void failsQueuedWritesPastTheirDeadlineAndLeavesTheOthers() {
    EventWrite late = write(NOW - 1);
    EventWrite due = write(NOW);
    EventWrite early = write(NOW + 1);
    queued.addAll(List.of(late, due, early, new LogWrite(null)));

    assertEquals(2, deadlines.sweep(NOW));

    assertTimedOut(late);
    assertTimedOut(due);
    assertFalse(early.done().isDone());
  }

  @Test
  void failsLateWritesOfABatchBeingCommittedUntilTheWriterIsDone() {
    EventWrite late = write(NOW - 1);
    EventWrite early = write(NOW + 1_000);
    List<Write> batch = List.of(late, early);

    deadlines.committing(batch);
    assertEquals(1, deadlines.sweep(NOW));
    assertTimedOut(late);
    assertFalse(early.done().isDone());

    deadlines.done(batch);
    assertEquals(0, deadlines.sweep(NOW + 2_000));
    assertFalse(early.done().isDone());
  }

  @Test
  void aCommittedWriteStaysCommittedAndIsNotCountedAgain() throws Exception {
    EventWrite committed = write(NOW - 1);
    committed.done().complete(new AcceptedEvent("evt_1", false));
    EventWrite late = write(NOW - 1);
    queued.addAll(List.of(committed, late));

    assertEquals(1, deadlines.sweep(NOW));
    assertEquals(0, deadlines.sweep(NOW));

    assertEquals(new AcceptedEvent("evt_1", false), committed.done().get());
    assertTimedOut(late);
  }

  @Test
  void deadlinesCompareAcrossTheWrapOfNanoTime() {
    queued.add(write(Long.MAX_VALUE));

    assertEquals(0, deadlines.sweep(Long.MAX_VALUE - 1));
    assertEquals(1, deadlines.sweep(Long.MIN_VALUE));
  }

  private static EventWrite write(long deadline) {
    return new EventWrite(new StoredEvent(), new CompletableFuture<>(), deadline);
  }

  private static void assertTimedOut(EventWrite write) {
    ExecutionException failure = assertThrows(ExecutionException.class, write.done()::get);
    assertInstanceOf(TimeoutException.class, failure.getCause());
  }
}
