package io.hookyard.delivery.mail;

import io.hookyard.common.action.RenderedStep;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What sending one e-mail came to: sent, a transient failure (no connection, a timeout, a 4xx SMTP
 * reply: try again later) or a permanent one (a 5xx SMTP reply such as an unknown recipient, no
 * SMTP server, a blocked address: trying again cannot help), with a reason for the log.
 *
 * @param smtpCode the server's reply code to the failing command (or 250 when sent); null when no
 *     reply came
 * @param errorClass for failures without a reply, their class as for an HTTP attempt
 * @param server where it was sent ({@code host:port}), or null when no server was known
 * @param messageId the {@code Message-ID} the e-mail carried
 */
public record MailOutcome(
    Verdict verdict,
    Integer smtpCode,
    AttemptResult.ErrorClass errorClass,
    String reason,
    String server,
    String messageId,
    Instant startedAt,
    long durationMs) {

  /** What the outcome means for the delivery. */
  public enum Verdict {
    SENT,
    TRANSIENT_FAILURE,
    PERMANENT_FAILURE
  }

  public boolean sent() {
    return verdict == Verdict.SENT;
  }

  /** Whether a later attempt may succeed. */
  public boolean retryable() {
    return verdict == Verdict.TRANSIENT_FAILURE;
  }

  /**
   * The attempt as the delivery log records it, like an HTTP attempt: method {@code SMTP}, the
   * server as URL, the recipients and subject as headers, the text (or HTML) as body, and the SMTP
   * reply code as status.
   */
  public AttemptResult toAttemptResult(RenderedStep.Mail mail) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("to", mail.to());
    if (!mail.cc().isEmpty()) {
      headers.put("cc", mail.cc());
    }
    headers.put("subject", List.of(mail.subject()));
    if (messageId != null) {
      headers.put("message-id", List.of(messageId));
    }
    String body = mail.text() != null ? mail.text() : mail.html() == null ? "" : mail.html();
    OutgoingRequest request =
        new OutgoingRequest(
            mail.stepName(),
            "SMTP",
            server == null ? "smtp:" : "smtp://" + server,
            headers,
            headers,
            body.getBytes(StandardCharsets.UTF_8));
    return new AttemptResult(
        request,
        startedAt,
        durationMs,
        smtpCode,
        null,
        reason == null ? null : reason.getBytes(StandardCharsets.UTF_8),
        failureClass(),
        sent() ? null : reason);
  }

  // A permanent failure cannot heal by retrying: NOT_SENDABLE ends the step at once.
  private AttemptResult.ErrorClass failureClass() {
    return switch (verdict) {
      case SENT -> null;
      case PERMANENT_FAILURE -> AttemptResult.ErrorClass.NOT_SENDABLE;
      case TRANSIENT_FAILURE -> errorClass == null ? AttemptResult.ErrorClass.IO : errorClass;
    };
  }
}
