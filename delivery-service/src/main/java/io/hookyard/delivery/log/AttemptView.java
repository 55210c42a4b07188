package io.hookyard.delivery.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookyard.delivery.delivery.Attempt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One attempt in the log: the request as sent (credentials redacted), the response as received
 * (body cut at the configured size, 64 KB by default), how long it took, and, when no response
 * came, the class of error. {@code replayId} marks attempts made in a round that a replay started.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(
    String id,
    int attemptNumber,
    String step,
    Instant dueAt,
    Instant startedAt,
    int durationMs,
    String outcome,
    String errorClass,
    String errorDetail,
    String replayId,
    Request request,
    Response response) {

  public record Request(
      String method, String url, Map<String, List<String>> headers, String body) {}

  public record Response(Integer status, Map<String, List<String>> headers, String body) {}

  static AttemptView of(Attempt a) {
    Response response =
        a.responseStatus == null
            ? null
            : new Response(a.responseStatus, a.responseHeaders, text(a.responseBody));
    return new AttemptView(
        a.id,
        a.attemptNumber,
        a.step,
        a.dueAt,
        a.startedAt,
        a.durationMs,
        a.outcome,
        a.errorClass,
        a.errorDetail,
        a.replayId,
        new Request(a.requestMethod, a.requestUrl, a.requestHeaders, text(a.requestBody)),
        response);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
