package io.hookyard.delivery.delivery;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as it will be sent: built by {@link RequestBuilder}, sent by {@link
 * DeliverySender}. {@code loggedHeaders} are the same headers with credentials redacted, for the
 * delivery log.
 */
public record OutgoingRequest(
    String step,
    String method,
    String url,
    Map<String, List<String>> headers,
    Map<String, List<String>> loggedHeaders,
    byte[] body) {
  /** The one step every delivery has today. */
  public static final String DELIVER = "deliver";
}
