package io.hookyard.rules.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cloudevents.CloudEvent;
import io.hookyard.rules.filter.FilterCompiler;
import io.hookyard.rules.filter.FilterContext;
import java.io.IOException;

/**
 * One event as filters see it, built on first use and shared by every subscription that filters it:
 * the envelope attributes and the data parsed as JSON. Previous state ({@code old/…}) is not
 * tracked yet, so a filter on it sees no previous state.
 */
final class EventFilterInput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudEvent event;
  private FilterContext context;

  EventFilterInput(CloudEvent event) {
    this.event = event;
  }

  /** True when there is no filter, or the event passes it. */
  boolean passes(String filter) {
    if (filter == null) {
      return true;
    }
    return FilterCompiler.compile(filter).matches(context());
  }

  private FilterContext context() {
    if (context == null) {
      context = FilterContext.of(FilterContext.envelope(event), data(), null);
    }
    return context;
  }

  private JsonNode data() {
    if (event.getData() == null) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(event.getData().toBytes());
    } catch (IOException e) {
      // Data that is not JSON has no paths to filter on.
      return MissingNode.getInstance();
    }
  }
}
