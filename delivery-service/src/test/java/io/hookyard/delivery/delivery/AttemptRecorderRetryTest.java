package io.hookyard.delivery.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.config.DeliveryConfig;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An attempt's outcome reaches the recorder after the request was sent: losing it means sending
 * again. The recorder therefore keeps trying while the database is out of reach and the lease still
 * holds, and gives up at once on anything else.
 */
@DeliveryTest
class AttemptRecorderRetryTest {
  @Inject DeliveryConfig config;
  @Inject Clock clock;

  /** A ledger that fails the given number of writes with the given error, then writes. */
  static final class FlakyLedger extends AttemptLedger {
    final AtomicInteger calls = new AtomicInteger();
    final int failures;
    final RuntimeException error;

    FlakyLedger(int failures, RuntimeException error) {
      super(null, null, null, null, null);
      this.failures = failures;
      this.error = error;
    }

    @Override
    public void recordAll(List<Outcome> outcomes) {
      if (calls.incrementAndGet() <= failures) {
        throw error;
      }
    }
  }

  static RuntimeException databaseDown() {
    return new IllegalStateException(
        "Could not record attempts", new SQLException("Connection refused", "08001"));
  }

  Outcome outcome(Duration leaseLeft) {
    Claim claim =
        new Claim(
            "dlv_retry",
            "acme",
            "dst_x",
            new byte[0],
            0,
            clock.instant(),
            0,
            false,
            0,
            null,
            null,
            clock.instant().plus(leaseLeft));
    return new Outcome(claim, null, null);
  }

  void withRecorder(FlakyLedger ledger, Consumer<AttemptRecorder> use) {
    AttemptRecorder recorder = new AttemptRecorder(ledger, config, clock);
    recorder.start();
    try {
      use.accept(recorder);
    } finally {
      recorder.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void anOutcomeIsWrittenOnceTheDatabaseAnswersAgain() {
    FlakyLedger ledger = new FlakyLedger(3, databaseDown());
    withRecorder(ledger, recorder -> recorder.record(outcome(Duration.ofSeconds(30))));
    assertEquals(4, ledger.calls.get(), "three failed writes, then the one that stuck");
  }

  @Test
  void theRecorderGivesUpWhenTheLeaseWouldRunOutBeforeTheNextTry() {
    FlakyLedger ledger = new FlakyLedger(Integer.MAX_VALUE, databaseDown());
    withRecorder(
        ledger,
        recorder ->
            assertThrows(
                CompletionException.class, () -> recorder.record(outcome(Duration.ofSeconds(5)))));
    assertTrue(ledger.calls.get() >= 2, "tried again while the lease held: " + ledger.calls);
  }

  @Test
  void dataTheDatabaseRefusesIsNotTriedAgain() {
    FlakyLedger ledger =
        new FlakyLedger(
            1,
            new IllegalStateException(
                "Could not record attempts", new SQLException("invalid json", "22P02")));
    withRecorder(
        ledger,
        recorder ->
            assertThrows(
                CompletionException.class, () -> recorder.record(outcome(Duration.ofSeconds(30)))));
    assertEquals(1, ledger.calls.get());
  }
}
