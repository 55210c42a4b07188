package io.hookyard.receiver.requestlog;

import io.hookyard.common.id.Ids;
import io.hookyard.receiver.ingest.GroupCommitter;
import io.hookyard.receiver.ingest.Redaction;
import io.hookyard.receiver.source.ActiveSource;
import io.hookyard.receiver.vendor.IncomingRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Writes the request log entries of requests that stored no event (handshakes and rejections),
 * through the group committer in its next batch, without making the vendor wait for them. An
 * accepted request's entry is its event (ADR 44).
 */
@Singleton
public class RequestLog {
  private final GroupCommitter committer;
  private final Clock clock;

  public RequestLog(GroupCommitter committer, Clock clock) {
    this.committer = committer;
    this.clock = clock;
  }

  public void handshake(ActiveSource source, IncomingRequest request, int status) {
    committer.log(
        entry(
            source,
            request,
            status,
            RequestLogEntry.Verdict.HANDSHAKE,
            Redaction.headers(request.headers(), source)));
  }

  public void rejected(
      ActiveSource source, IncomingRequest request, int status, String reason, String detail) {
    RequestLogEntry entry =
        entry(
            source,
            request,
            status,
            RequestLogEntry.Verdict.REJECTED,
            Redaction.headers(request.headers(), source));
    entry.reason = reason;
    entry.detail = detail;
    committer.log(entry);
  }

  /**
   * A new entry for a request of a known source.
   *
   * @param redactedHeaders the request's headers with credentials already redacted
   */
  private RequestLogEntry entry(
      ActiveSource source,
      IncomingRequest request,
      int status,
      RequestLogEntry.Verdict verdict,
      Map<String, List<String>> redactedHeaders) {
    RequestLogEntry entry = new RequestLogEntry();
    entry.id = Ids.newId(Ids.REQUEST, clock);
    entry.tenant = source.tenant();
    entry.sourceId = source.id();
    entry.receivedAt = clock.instant();
    entry.method = request.method();
    entry.status = status;
    entry.verdict = verdict;
    entry.headers = redactedHeaders;
    return entry;
  }
}
