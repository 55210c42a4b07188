package io.hookyard.receiver.requestlog;

import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.ingest.StoredEventRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Searches a tenant's request log, newest first, and drops entries past their retention. */
@ApplicationScoped
public class RequestLogSearch {
  private static final Logger LOG = Logger.getLogger(RequestLogSearch.class);
  static final int MAX_LIMIT = 200;

  private final RequestLogRepository entries;
  private final StoredEventRepository events;
  private final RequestLogRows rows;
  private final ReceiverConfig config;
  private final Clock clock;

  public RequestLogSearch(
      RequestLogRepository entries,
      StoredEventRepository events,
      RequestLogRows rows,
      ReceiverConfig config,
      Clock clock) {
    this.entries = entries;
    this.events = events;
    this.rows = rows;
    this.config = config;
    this.clock = clock;
  }

  public RequestLogPage search(String tenant, RequestLogQuery query) {
    int limit = query.limit == null ? 50 : query.limit;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.badRequest(
          "invalid-limit", "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    if (query.cursor != null && !Ids.isValid(Ids.REQUEST, query.cursor)) {
      throw ProblemException.badRequest(
          "invalid-cursor", "cursor must be the nextCursor of an earlier page.");
    }
    List<RequestLogView> found =
        rows.search(
            new RequestLogRows.Search(
                tenant,
                query.sourceId,
                query.verdict,
                query.since,
                query.until,
                query.cursor,
                retainedSince(),
                limit + 1));
    List<RequestLogView> items = found.stream().limit(limit).toList();
    return new RequestLogPage(items, found.size() > limit ? items.getLast().id() : null);
  }

  /** One entry; an accepted request's body comes from its event. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RequestLogView get(String tenant, String id) {
    Optional<RequestLogEntry> logged =
        entries.find("tenant = ?1 and id = ?2", tenant, id).firstResultOptional();
    if (logged.isPresent()) {
      return withBody(logged.get());
    }
    Optional<RequestLogView> accepted =
        Ids.isValid(Ids.REQUEST, id)
            ? rows.accepted(tenant, id, retainedSince())
            : Optional.empty();
    return accepted.orElseThrow(
        () -> ProblemException.notFound("No request '" + id + "' in this tenant."));
  }

  private RequestLogView withBody(RequestLogEntry entry) {
    String body =
        entry.eventId == null
            ? null
            : events
                .findByIdOptional(entry.eventId)
                .map(event -> new String(event.body, StandardCharsets.UTF_8))
                .orElse(null);
    return RequestLogView.of(entry, body);
  }

  /** Entries older than this are past their retention, whether dropped yet or not. */
  private Instant retainedSince() {
    return clock.instant().minus(config.requestLogRetention());
  }

  /**
   * Drops entries older than the retention; safe on several replicas (a plain delete). Accepted
   * requests' entries are their events, which stay; searches leave out those past the retention.
   */
  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void dropExpired() {
    Instant cutoff = retainedSince();
    long dropped =
        entries.delete(
            "id < ?1 and receivedAt < ?2",
            Ids.lowestAt(Ids.REQUEST, cutoff.plus(RequestLogRows.ID_SLACK)),
            cutoff);
    if (dropped > 0) {
      LOG.infof("Dropped %d request log entries past their retention", dropped);
    }
  }
}
