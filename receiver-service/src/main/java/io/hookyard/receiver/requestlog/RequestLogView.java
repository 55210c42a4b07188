package io.hookyard.receiver.requestlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A request log entry as the management API shows it; the body only in the detail view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestLogView(
    String id,
    String sourceId,
    Instant receivedAt,
    String method,
    RequestLogEntry.Verdict verdict,
    int status,
    String reason,
    String detail,
    Map<String, List<String>> headers,
    String eventId,
    String body) {

  static RequestLogView of(RequestLogEntry e, String body) {
    return new RequestLogView(
        e.id,
        e.sourceId,
        e.receivedAt,
        e.method,
        e.verdict,
        e.status,
        e.reason,
        e.detail,
        e.headers,
        e.eventId,
        body);
  }
}
