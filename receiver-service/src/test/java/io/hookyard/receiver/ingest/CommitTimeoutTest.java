package io.hookyard.receiver.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.hookyard.receiver.config.ReceiverConfig;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A request whose commit hangs is failed once its commit timeout has passed (and so answered 503),
 * even though the writer holding it is still blocked in the database.
 */
@ReceiverTest
class CommitTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofMillis(400);

  @Inject AgroalDataSource dataSource;
  @Inject ReceiverConfig config;

  @ConfigProperty(name = "quarkus.flyway.schemas")
  String schema;

  @Test
  void aCommitBlockedInTheDatabaseFailsAfterTheTimeout() throws Exception {
    GroupCommitter committer = new GroupCommitter(dataSource, withCommitTimeout(TIMEOUT), schema);
    try (Connection blocker = dataSource.getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement lock = blocker.createStatement()) {
        // Inserts need a lock that conflicts with this one: the writer waits in PostgreSQL.
        lock.execute("lock table " + schema + ".event in share mode");
      }
      committer.start(null);
      long start = System.nanoTime();
      CompletableFuture<AcceptedEvent> done = committer.submit(event());

      ExecutionException failure =
          assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertInstanceOf(TimeoutException.class, failure.getCause());
      assertTrue(waitedMillis >= TIMEOUT.toMillis(), "failed after " + waitedMillis + " ms");
      assertFalse(done.isCancelled());
      blocker.rollback();
    } finally {
      committer.stop(null);
    }
  }

  @Test
  void aCommitInTimeIsAnsweredWithItsEvent() throws Exception {
    GroupCommitter committer = new GroupCommitter(dataSource, withCommitTimeout(TIMEOUT), schema);
    committer.start(null);
    try {
      StoredEvent event = event();
      AcceptedEvent accepted = committer.submit(event).get(10, TimeUnit.SECONDS);
      assertEquals(new AcceptedEvent(event.id, false), accepted);
    } finally {
      committer.stop(null);
    }
  }

  private static StoredEvent event() {
    return Fixtures.acceptedEvent("commit-timeout", "src_commit_timeout", "device.ok");
  }

  /** The service's configuration with another commit timeout. */
  private ReceiverConfig withCommitTimeout(Duration timeout) {
    ReceiverConfig.GroupCommit groupCommit =
        delegate(ReceiverConfig.GroupCommit.class, config.groupCommit(), "commitTimeout", timeout);
    return delegate(ReceiverConfig.class, config, "groupCommit", groupCommit);
  }

  private static <T> T delegate(Class<T> type, T target, String method, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, called, args) -> {
              if (called.getName().equals(method) && called.getParameterCount() == 0) {
                return answer;
              }
              try {
                return called.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
