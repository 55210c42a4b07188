package io.hookyard.receiver.requestlog;

import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.ingest.StoredEventRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Searches a tenant's request log, newest first, and drops entries past their retention. */
@ApplicationScoped
public class RequestLogSearch {
  private static final Logger LOG = Logger.getLogger(RequestLogSearch.class);
  static final int MAX_LIMIT = 200;
  // How far apart an entry's id and its time may be: far more than the moment between them.
  private static final Duration ID_SLACK = Duration.ofSeconds(1);

  private final RequestLogRepository entries;
  private final StoredEventRepository events;
  private final ReceiverConfig config;
  private final Clock clock;

  public RequestLogSearch(
      RequestLogRepository entries,
      StoredEventRepository events,
      ReceiverConfig config,
      Clock clock) {
    this.entries = entries;
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public RequestLogPage search(String tenant, RequestLogQuery query) {
    int limit = query.limit == null ? 50 : query.limit;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.badRequest(
          "invalid-limit", "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    StringBuilder where = new StringBuilder("tenant = :tenant");
    Parameters parameters = Parameters.with("tenant", tenant);
    if (query.sourceId != null) {
      where.append(" and sourceId = :sourceId");
      parameters.and("sourceId", query.sourceId);
    }
    if (query.verdict != null) {
      where.append(" and verdict = :verdict");
      parameters.and("verdict", query.verdict);
    }
    // An entry's id is made a moment before its time is read, from the same clock; the id bounds,
    // a little wider than the times, let the primary key find the range.
    if (query.since != null) {
      where.append(" and id >= :sinceId and receivedAt >= :since");
      parameters.and("sinceId", Ids.lowestAt(Ids.REQUEST, query.since.minus(ID_SLACK)));
      parameters.and("since", query.since);
    }
    if (query.until != null) {
      where.append(" and id < :untilId and receivedAt < :until");
      parameters.and("untilId", Ids.lowestAt(Ids.REQUEST, query.until.plus(ID_SLACK)));
      parameters.and("until", query.until);
    }
    if (query.cursor != null) {
      where.append(" and id < :cursor");
      parameters.and("cursor", query.cursor);
    }
    List<RequestLogEntry> found =
        entries
            .find(where.toString(), Sort.descending("id"), parameters)
            .page(Page.ofSize(limit + 1))
            .list();
    List<RequestLogView> items =
        found.stream().limit(limit).map(entry -> RequestLogView.of(entry, null)).toList();
    return new RequestLogPage(items, found.size() > limit ? items.getLast().id() : null);
  }

  /** One entry; an accepted request's body comes from its event. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RequestLogView get(String tenant, String id) {
    RequestLogEntry entry =
        entries
            .find("tenant = ?1 and id = ?2", tenant, id)
            .firstResultOptional()
            .orElseThrow(
                () -> ProblemException.notFound("No request '" + id + "' in this tenant."));
    String body =
        entry.eventId == null
            ? null
            : events
                .findByIdOptional(entry.eventId)
                .map(event -> new String(event.body, StandardCharsets.UTF_8))
                .orElse(null);
    return RequestLogView.of(entry, body);
  }

  /** Drops entries older than the retention; safe on several replicas (a plain delete). */
  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void dropExpired() {
    Instant cutoff = clock.instant().minus(config.requestLogRetention());
    long dropped =
        entries.delete(
            "id < ?1 and receivedAt < ?2",
            Ids.lowestAt(Ids.REQUEST, cutoff.plus(ID_SLACK)),
            cutoff);
    if (dropped > 0) {
      LOG.infof("Dropped %d request log entries past their retention", dropped);
    }
  }
}
