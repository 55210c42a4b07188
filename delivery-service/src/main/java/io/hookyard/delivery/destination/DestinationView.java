package io.hookyard.delivery.destination;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookyard.delivery.delivery.RetrySchedule;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A destination as the management API shows it. Header values that look like credentials are
 * redacted; the signing secret appears only in the answer that created or rotated it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DestinationView(
    String id,
    String tenant,
    String name,
    String kind,
    String url,
    String method,
    Map<String, String> headers,
    int timeoutSeconds,
    Integer rateLimit,
    Integer maxConcurrency,
    List<String> retrySchedule,
    String successCodes,
    boolean fifo,
    String credentialId,
    String state,
    String stateReason,
    Instant stateChangedAt,
    Health health,
    int signingSecrets,
    String secret,
    Instant createdAt,
    Instant updatedAt) {

  private static final Pattern SENSITIVE =
      Pattern.compile(".*(authorization|token|secret|key|password|cookie|signature).*");
  static final String REDACTED = "[redacted]";

  /** How the destination has been answering lately. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(int consecutiveFailures, Instant failingSince, Instant circuitOpenUntil) {}

  static DestinationView of(Destination d, int signingSecrets, String secret) {
    return new DestinationView(
        d.id,
        d.tenant,
        d.name,
        d.kind,
        d.url,
        d.method,
        redacted(d.headers),
        (int) Math.ceil(d.timeoutMs / 1000.0),
        d.rateLimit,
        d.maxConcurrency,
        d.retrySchedule == null ? null : RetrySchedule.format(RetrySchedule.split(d.retrySchedule)),
        d.successCodes,
        d.fifo,
        d.credentialId,
        d.state,
        d.stateReason,
        d.stateChangedAt,
        new Health(d.consecutiveFailures, d.failingSince, d.circuitOpenUntil),
        signingSecrets,
        secret,
        d.createdAt,
        d.updatedAt);
  }

  /** Headers with the values of those that look like credentials replaced. */
  public static Map<String, String> redacted(Map<String, String> headers) {
    Map<String, String> shown = new TreeMap<>();
    if (headers != null) {
      headers.forEach((name, value) -> shown.put(name, isSensitive(name) ? REDACTED : value));
    }
    return shown;
  }

  public static boolean isSensitive(String headerName) {
    return SENSITIVE.matcher(headerName.toLowerCase(Locale.ROOT)).matches();
  }
}
