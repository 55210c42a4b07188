package io.hookyard.rules.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.rules.filter.Explanation;
import io.hookyard.rules.filter.FilterCompiler;
import io.hookyard.rules.filter.FilterContext;
import io.hookyard.rules.filter.FilterSyntaxException;
import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One event as filters see it: the envelope attributes, the data, and the previous state of its
 * subject. The filter context is built on first use and shared by every subscription that filters
 * the event.
 */
public final class EventFilterInput {
  private static final Logger LOG = Logger.getLogger(EventFilterInput.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudEvent event;
  private final JsonNode data;
  private final JsonNode previous;
  private FilterContext context;

  public EventFilterInput(CloudEvent event, JsonNode data, JsonNode previous) {
    this.event = event;
    this.data = data;
    this.previous = previous;
  }

  /** The event's data as JSON, or null when it has none or it is not JSON. */
  public static JsonNode dataOf(CloudEvent event) {
    if (event.getData() == null) {
      return null;
    }
    try {
      JsonNode data = JSON.readTree(event.getData().toBytes());
      return data == null || data.isMissingNode() ? null : data;
    } catch (IOException e) {
      // Data that is not JSON has no paths to filter on.
      return null;
    }
  }

  /** The subject's previous state as the vendor sent it along, when it did and it is JSON. */
  public static Optional<JsonNode> previousDataOf(CloudEvent event) {
    Object previous = event.getExtension(EventAttributes.PREVIOUS_DATA);
    if (previous == null) {
      return Optional.empty();
    }
    try {
      JsonNode data = JSON.readTree(previous.toString());
      return data == null || data.isMissingNode() ? Optional.empty() : Optional.of(data);
    } catch (IOException e) {
      LOG.warnf("Event %s carries a previous state that is not JSON; it is ignored", event.getId());
      return Optional.empty();
    }
  }

  /** Why the event does not pass the filter: its first false clause; null when it passes. */
  public Explanation explain(String filter) {
    if (filter == null) {
      return null;
    }
    if (context == null) {
      context = FilterContext.of(FilterContext.envelope(event), data, previous);
    }
    return FilterCompiler.compile(filter).explain(context);
  }

  /** True when there is no filter, or the event passes it. */
  public boolean passes(String filter) {
    if (filter == null) {
      return true;
    }
    if (context == null) {
      context = FilterContext.of(FilterContext.envelope(event), data, previous);
    }
    try {
      return FilterCompiler.compile(filter).matches(context);
    } catch (FilterSyntaxException e) {
      // Filters are checked when saved; one that no longer compiles must not block the intake.
      LOG.warnf("A stored filter does not compile and matches nothing: %s", e.getMessage());
      return false;
    }
  }
}
