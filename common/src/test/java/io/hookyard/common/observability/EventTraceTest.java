package io.hookyard.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TracerProvider;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class EventTraceTest {
  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void aTraceparentIsReadAndWrittenInTheW3cForm() {
    SpanContext context = EventTrace.parse(TRACEPARENT);
    assertTrue(context.isValid());
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", context.getTraceId());
    assertEquals("00f067aa0ba902b7", context.getSpanId());
    assertTrue(context.isSampled());
    assertEquals(TRACEPARENT, EventTrace.format(context));
  }

  @Test
  void whatIsNotATraceparentNamesNoSpan() {
    assertFalse(EventTrace.parse(null).isValid());
    assertFalse(EventTrace.parse("").isValid());
    assertFalse(
        EventTrace.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").isValid());
    assertFalse(
        EventTrace.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01").isValid());
    assertFalse(
        EventTrace.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01").isValid());
  }

  @Test
  void withTracingOffNothingIsTracedButTheEventIsInTheMdc() {
    assertNull(EventTrace.currentTraceparent());
    try (EventTrace trace =
        EventTrace.start(
            TracerProvider.noop().get("test"),
            "handle",
            SpanKind.CONSUMER,
            TRACEPARENT,
            "acme",
            "evt_1")) {
      assertEquals("acme", MDC.get(EventTrace.MDC_TENANT));
      assertEquals("evt_1", MDC.get(EventTrace.MDC_EVENT_ID));
    }
    assertNull(MDC.get(EventTrace.MDC_TENANT));
    assertNull(MDC.get(EventTrace.MDC_EVENT_ID));
  }
}
