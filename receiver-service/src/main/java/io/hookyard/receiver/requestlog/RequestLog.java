package io.hookyard.receiver.requestlog;

import io.hookyard.common.id.Ids;
import io.hookyard.receiver.ingest.Redaction;
import io.hookyard.receiver.source.ActiveSource;
import io.hookyard.receiver.vendor.IncomingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Writes the request log. An accepted request is logged in the transaction that commits its event;
 * any other outcome is logged in a transaction of its own.
 */
@ApplicationScoped
public class RequestLog {
  private final RequestLogRepository entries;
  private final Clock clock;

  public RequestLog(RequestLogRepository entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  /** Logs an accepted (or duplicate) request within the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void accepted(
      ActiveSource source, IncomingRequest request, int status, String eventId, boolean duplicate) {
    RequestLogEntry entry = entry(source, request, status);
    entry.verdict =
        duplicate ? RequestLogEntry.Verdict.DUPLICATE : RequestLogEntry.Verdict.ACCEPTED;
    entry.eventId = eventId;
    entries.persist(entry);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void handshake(ActiveSource source, IncomingRequest request, int status) {
    RequestLogEntry entry = entry(source, request, status);
    entry.verdict = RequestLogEntry.Verdict.HANDSHAKE;
    entries.persist(entry);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void rejected(
      ActiveSource source, IncomingRequest request, int status, String reason, String detail) {
    RequestLogEntry entry = entry(source, request, status);
    entry.verdict = RequestLogEntry.Verdict.REJECTED;
    entry.reason = reason;
    entry.detail = detail;
    entries.persist(entry);
  }

  private RequestLogEntry entry(ActiveSource source, IncomingRequest request, int status) {
    RequestLogEntry entry = new RequestLogEntry();
    entry.id = Ids.newId(Ids.REQUEST, clock);
    entry.tenant = source.tenant();
    entry.sourceId = source.id();
    entry.receivedAt = clock.instant();
    entry.method = request.method();
    entry.status = status;
    entry.headers = Redaction.headers(request.headers(), source);
    return entry;
  }
}
