package io.hookyard.receiver.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.requestlog.RequestLogEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit for the ingest path. Requests hand their writes to a queue; a few writer threads
 * take whatever has gathered (waiting at most a moment for more), write it with batched statements
 * in one transaction, commit once, and only then release the requests waiting on it. Durability
 * costs one commit per batch instead of one per request.
 *
 * <p>Events are inserted with {@code on conflict do nothing} on (source, vendor delivery id): a
 * redelivery, also one racing in the same batch or on another replica, becomes a duplicate that
 * points at the first event, and gets no outbox entry.
 */
@Singleton
public class GroupCommitter {
  private static final Logger LOG = Logger.getLogger(GroupCommitter.class);

  /** Something to write: an accepted event with its log entry, or a log entry on its own. */
  sealed interface Write permits EventWrite, LogWrite {}

  record EventWrite(StoredEvent event, RequestLogEntry log, CompletableFuture<AcceptedEvent> done)
      implements Write {}

  record LogWrite(RequestLogEntry log) implements Write {}

  private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
  // An event and its log entry share one headers map; it is written as JSON once per batch.
  private final ThreadLocal<Map<Object, String>> headersJson =
      ThreadLocal.withInitial(java.util.IdentityHashMap::new);
  private final ObjectMapper json = new ObjectMapper();
  private final AgroalDataSource dataSource;
  private final ReceiverConfig.GroupCommit config;
  private final String schema;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running;

  public GroupCommitter(
      AgroalDataSource dataSource,
      ReceiverConfig config,
      @ConfigProperty(name = "quarkus.flyway.schemas") String schema) {
    this.dataSource = dataSource;
    this.config = config.groupCommit();
    this.schema = schema;
  }

  void start(@Observes StartupEvent event) {
    running = true;
    for (int i = 0; i < config.writers(); i++) {
      Thread writer = Thread.ofPlatform().name("group-commit-" + i).daemon().start(this::run);
      writers.add(writer);
    }
  }

  /** Stops taking new writes, and commits what is queued before the service goes away. */
  void stop(@Observes ShutdownEvent event) {
    running = false;
    for (Thread writer : writers) {
      try {
        writer.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Queues an accepted event; the future completes once it is committed. */
  public CompletableFuture<AcceptedEvent> submit(StoredEvent event, RequestLogEntry log) {
    CompletableFuture<AcceptedEvent> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new IllegalStateException("The receiver is shutting down"));
      return done;
    }
    queue.add(new EventWrite(event, log, done));
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
          commit(batch);
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

  /** Waits for a first write, then takes what else comes within the wait; true when any came. */
  private boolean gather(List<Write> batch) throws InterruptedException {
    Write first = queue.poll(100, TimeUnit.MILLISECONDS);
    if (first == null) {
      return false;
    }
    batch.add(first);
    long deadline = System.nanoTime() + config.maxWait().toNanos();
    while (batch.size() < config.maxBatch()) {
      Write next = queue.poll();
      if (next == null) {
        long left = deadline - System.nanoTime();
        next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
        if (next == null) {
          return true;
        }
      }
      batch.add(next);
    }
    return true;
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
    headersJson.get().clear();
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
        List<AcceptedEvent> outcomes = insertEvents(connection, events);
        for (int i = 0; i < events.size(); i++) {
          RequestLogEntry log = events.get(i).log();
          log.eventId = outcomes.get(i).id();
          if (outcomes.get(i).duplicate()) {
            log.verdict = RequestLogEntry.Verdict.DUPLICATE;
          }
          logs.add(log);
        }
        insertLogs(connection, logs);
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

  private List<AcceptedEvent> insertEvents(Connection connection, List<EventWrite> writes)
      throws SQLException {
    if (writes.isEmpty()) {
      return List.of();
    }
    int[] counts;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into "
                + schema
                + ".event (id, tenant, source_id, ce_source, vendor, type,"
                + " subject, operation, vendor_delivery_id, content_type, headers, body,"
                + " received_at, traceparent) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                + " on conflict (source_id, vendor_delivery_id)"
                + " where vendor_delivery_id is not null do nothing")) {
      for (EventWrite write : writes) {
        bindEvent(insert, write.event());
        insert.addBatch();
      }
      counts = insert.executeBatch();
    }
    List<AcceptedEvent> outcomes = new ArrayList<>(writes.size());
    Map<String, String> winners = new HashMap<>();
    try (PreparedStatement outbox =
        connection.prepareStatement(
            "insert into "
                + schema
                + ".outbox (event_id, attempts, next_attempt_at)"
                + " values (?, 0, ?)")) {
      for (int i = 0; i < writes.size(); i++) {
        StoredEvent event = writes.get(i).event();
        if (counts[i] == 0) {
          outcomes.add(new AcceptedEvent(winner(connection, event, winners), true));
          continue;
        }
        outbox.setString(1, event.id);
        outbox.setObject(2, timestamp(event.receivedAt));
        outbox.addBatch();
        outcomes.add(new AcceptedEvent(event.id, false));
      }
      outbox.executeBatch();
    }
    return outcomes;
  }

  private void bindEvent(PreparedStatement insert, StoredEvent event) throws SQLException {
    insert.setString(1, event.id);
    insert.setString(2, event.tenant);
    insert.setString(3, event.sourceId);
    insert.setString(4, event.ceSource);
    insert.setString(5, event.vendor);
    insert.setString(6, event.type);
    insert.setString(7, event.subject);
    insert.setString(8, event.operation);
    insert.setString(9, event.vendorDeliveryId);
    insert.setString(10, event.contentType);
    insert.setString(11, headersJson(event.headers));
    insert.setBytes(12, event.body);
    insert.setObject(13, timestamp(event.receivedAt));
    insert.setString(14, event.traceparent);
  }

  /** The id of the event that got there first with the same vendor delivery id. */
  private String winner(Connection connection, StoredEvent event, Map<String, String> cache)
      throws SQLException {
    String key = event.sourceId + "\n" + event.vendorDeliveryId;
    String known = cache.get(key);
    if (known != null) {
      return known;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id from " + schema + ".event where source_id = ? and vendor_delivery_id = ?")) {
      query.setString(1, event.sourceId);
      query.setString(2, event.vendorDeliveryId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("A conflicting event vanished: " + key);
        }
        cache.put(key, rows.getString(1));
        return rows.getString(1);
      }
    }
  }

  private void insertLogs(Connection connection, List<RequestLogEntry> logs) throws SQLException {
    if (logs.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into "
                + schema
                + ".request_log (id, tenant, source_id, received_at, method,"
                + " verdict, status, reason, detail, headers, event_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
      for (RequestLogEntry log : logs) {
        insert.setString(1, log.id);
        insert.setString(2, log.tenant);
        insert.setString(3, log.sourceId);
        insert.setObject(4, timestamp(log.receivedAt));
        insert.setString(5, log.method);
        insert.setString(6, log.verdict.name());
        insert.setInt(7, log.status);
        insert.setString(8, log.reason);
        insert.setString(9, log.detail);
        insert.setString(10, headersJson(log.headers));
        insert.setString(11, log.eventId);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void fail(List<Write> batch, Throwable cause) {
    for (Write write : batch) {
      if (write instanceof EventWrite event) {
        event.done().completeExceptionally(cause);
      }
    }
  }

  private String headersJson(Map<String, List<String>> headers) {
    return headersJson.get().computeIfAbsent(headers, this::toJson);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Headers that cannot be written as JSON", e);
    }
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
