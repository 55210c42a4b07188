package io.hookyard.receiver.ingest;

import io.agroal.api.AgroalDataSource;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.requestlog.RequestLogEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit for the ingest path. Requests hand their writes to a queue; a few writer threads
 * take turns to gather what comes within a moment, write it with one statement per table in one
 * transaction, commit once, and only then release the requests waiting on it. While one gathers,
 * the others commit (ADR 46). Durability costs one commit per batch instead of one per request.
 *
 * <p>Events are inserted with {@code on conflict do nothing} on (source, vendor delivery id): a
 * redelivery, also one racing in the same batch or on another replica, becomes a duplicate that
 * points at the first event, and gets no outbox entry. A new event is its request's log entry; a
 * duplicate gets a request log row of its own (ADR 44).
 */
@Singleton
public class GroupCommitter {
  private static final Logger LOG = Logger.getLogger(GroupCommitter.class);

  /**
   * Something to write: an accepted event (which is also its request's log entry), or the log entry
   * of a request that stored no event.
   */
  sealed interface Write permits EventWrite, LogWrite {}

  /**
   * @param deadline when the request stops waiting for the commit, in {@link System#nanoTime()}
   */
  record EventWrite(StoredEvent event, CompletableFuture<AcceptedEvent> done, long deadline)
      implements Write {}

  record LogWrite(RequestLogEntry log) implements Write {}

  private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
  private final AgroalDataSource dataSource;
  private final ReceiverConfig.GroupCommit config;
  private final IngestTables tables;
  private final Semaphore gatheringTurn = new Semaphore(1);
  private final CommitDeadlines deadlines = new CommitDeadlines(queue);
  private final List<Thread> writers = new ArrayList<>();
  private Thread sweeper;
  private volatile boolean running;

  public GroupCommitter(
      AgroalDataSource dataSource,
      ReceiverConfig config,
      @ConfigProperty(name = "quarkus.flyway.schemas") String schema) {
    this.dataSource = dataSource;
    this.config = config.groupCommit();
    this.tables = new IngestTables(schema);
  }

  void start(@Observes StartupEvent event) {
    running = true;
    for (int i = 0; i < config.writers(); i++) {
      Thread writer = Thread.ofPlatform().name("group-commit-" + i).daemon().start(this::run);
      writers.add(writer);
    }
    sweeper = Thread.ofPlatform().name("group-commit-deadlines").daemon().start(this::sweep);
  }

  /** Stops taking new writes, and commits what is queued before the service goes away. */
  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (sweeper != null) {
      sweeper.interrupt();
    }
    for (Thread writer : writers) {
      try {
        writer.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Queues an accepted event; the future completes once it is committed. */
  public CompletableFuture<AcceptedEvent> submit(StoredEvent event) {
    CompletableFuture<AcceptedEvent> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new IllegalStateException("The receiver is shutting down"));
      return done;
    }
    queue.add(new EventWrite(event, done, System.nanoTime() + config.commitTimeout().toNanos()));
    return done;
  }

  /**
   * Queues a log entry of a request that stored no event; nobody waits for it. Under a flood the
   * entry is dropped rather than let the queue grow without bound.
   */
  public void log(RequestLogEntry log) {
    if (running && queue.size() < config.maxBatch() * 20) {
      queue.add(new LogWrite(log));
    }
  }

  private void run() {
    List<Write> batch = new ArrayList<>(config.maxBatch());
    while (running || !queue.isEmpty()) {
      try {
        if (gather(batch)) {
          commitWatched(List.copyOf(batch));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // The writer must outlive any one batch, or every later request would wait in vain.
        LOG.errorf(e, "Group commit failed unexpectedly");
        fail(batch, e);
      } finally {
        batch.clear();
      }
    }
  }

  /** Commits a batch while the deadline sweep can see it. */
  private void commitWatched(List<Write> batch) {
    deadlines.committing(batch);
    try {
      commit(batch);
    } finally {
      deadlines.done(batch);
    }
  }

  /**
   * Looks for late commits a few times per commit timeout, so a request waits at most about a
   * twentieth longer than the timeout.
   */
  private void sweep() {
    long interval = Math.max(1, config.commitTimeout().toMillis() / 20);
    while (running) {
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return;
      }
      int failed = deadlines.sweep(System.nanoTime());
      if (failed > 0) {
        LOG.warnf(
            "%d requests waited longer than %s for their commit", failed, config.commitTimeout());
      }
    }
  }

  /**
   * Waits for a first write, then takes what else comes within the wait; true when any came. One
   * writer gathers at a time and sleeps through its wait instead of waking for every write that
   * comes: the others commit meanwhile, or wait for their turn.
   */
  private boolean gather(List<Write> batch) throws InterruptedException {
    gatheringTurn.acquire();
    try {
      Write first = queue.poll(100, TimeUnit.MILLISECONDS);
      if (first == null) {
        return false;
      }
      batch.add(first);
      long deadline = System.nanoTime() + config.maxWait().toNanos();
      while (batch.size() < config.maxBatch()) {
        queue.drainTo(batch, config.maxBatch() - batch.size());
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        LockSupport.parkNanos(left);
      }
      return true;
    } finally {
      gatheringTurn.release();
    }
  }

  /**
   * Commits a batch. When a row of it is bad (the database refuses its data or a constraint), the
   * whole transaction is lost; the writes are then committed one by one, so that every other
   * request still gets its answer and only the bad one fails. Other failures (no connection, the
   * database down) fail the batch at once: writing it row by row would only fail slower.
   */
  void commit(List<Write> batch) {
    try {
      write(batch);
    } catch (SQLException | RuntimeException e) {
      if (batch.size() > 1 && isRowProblem(e)) {
        LOG.warnf("A batch of %d writes failed (%s); writing them one by one", batch.size(), e);
        batch.forEach(this::commitAlone);
        return;
      }
      LOG.errorf("Could not commit %d writes: %s", batch.size(), e.toString());
      fail(batch, failure(e));
    }
  }

  private void commitAlone(Write write) {
    try {
      write(List.of(write));
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("Could not commit a write on its own: %s", e.toString());
      fail(List.of(write), failure(e));
    }
  }

  private void write(List<Write> batch) throws SQLException {
    List<EventWrite> events = new ArrayList<>();
    List<RequestLogEntry> logs = new ArrayList<>();
    for (Write write : batch) {
      switch (write) {
        case EventWrite event -> events.add(event);
        case LogWrite log -> logs.add(log.log());
      }
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        IngestTables.HeadersJson headers = tables.headersJson();
        List<AcceptedEvent> outcomes = insertEvents(connection, events, headers);
        for (int i = 0; i < events.size(); i++) {
          if (outcomes.get(i).duplicate()) {
            logs.add(RequestLogEntry.duplicateOf(events.get(i).event(), outcomes.get(i).id()));
          }
        }
        if (!logs.isEmpty()) {
          tables.insertLogs(connection, logs, headers);
        }
        connection.commit();
        for (int i = 0; i < events.size(); i++) {
          events.get(i).done().complete(outcomes.get(i));
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Whether the database refused the data of some row (SQLSTATE class 22 or 23). */
  static boolean isRowProblem(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          String state = next.getSQLState();
          if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * What a failed write's request is told: data the database cannot store is the sender's fault (a
   * 400 it should not retry as it is); anything else is Hookyard's (a 503 it should retry).
   */
  private static Throwable failure(Throwable e) {
    if (isRowProblem(e)) {
      return ProblemException.badRequest(
          "unstorable-request", "The request holds data that cannot be stored as it is.");
    }
    return e;
  }

  private List<AcceptedEvent> insertEvents(
      Connection connection, List<EventWrite> writes, IngestTables.HeadersJson headers)
      throws SQLException {
    if (writes.isEmpty()) {
      return List.of();
    }
    List<StoredEvent> events = writes.stream().map(EventWrite::event).toList();
    Set<String> inserted = tables.insertEvents(connection, events, headers);
    List<AcceptedEvent> outcomes = new ArrayList<>(events.size());
    Map<String, String> winners = new HashMap<>();
    for (StoredEvent event : events) {
      outcomes.add(
          inserted.contains(event.id)
              ? new AcceptedEvent(event.id, false)
              : new AcceptedEvent(winner(connection, event, winners), true));
    }
    return outcomes;
  }

  /** The id of the event that got there first with the same vendor delivery id. */
  private String winner(Connection connection, StoredEvent event, Map<String, String> cache)
      throws SQLException {
    String key = event.sourceId + "\n" + event.vendorDeliveryId;
    String known = cache.get(key);
    if (known == null) {
      known = tables.winner(connection, event);
      if (known == null) {
        throw new SQLException("A conflicting event vanished: " + key);
      }
      cache.put(key, known);
    }
    return known;
  }

  private static void fail(List<Write> batch, Throwable cause) {
    for (Write write : batch) {
      if (write instanceof EventWrite event) {
        event.done().completeExceptionally(cause);
      }
    }
  }
}
