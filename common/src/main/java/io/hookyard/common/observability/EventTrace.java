package io.hookyard.common.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * One event's trace across the outboxes. The receiver stores the W3C {@code traceparent} of the
 * request that brought an event in, and puts it in the event's CloudEvents envelope (the
 * distributed tracing extension); rules-service and delivery-service continue that trace when they
 * handle the event, however long it waited in an outbox, and link the span of the batch that
 * carried it. While an event is handled, the logging MDC holds its id, its tenant and the trace.
 *
 * <p>With tracing off (the default) there is no valid span: no {@code traceparent} is stored or
 * sent, and only the event id and the tenant go to the MDC.
 */
public final class EventTrace implements AutoCloseable {
  /** The CloudEvents distributed tracing extension attribute. */
  public static final String TRACEPARENT = "traceparent";

  public static final String MDC_EVENT_ID = "eventId";
  public static final String MDC_TENANT = "tenant";
  // The keys Quarkus uses for its own spans, so that log queries need one name.
  static final String MDC_TRACE_ID = "traceId";
  static final String MDC_SPAN_ID = "spanId";

  private static final Pattern W3C =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

  private final Span span;
  private final Scope scope;
  private final Object previousTraceId;
  private final Object previousSpanId;

  private EventTrace(Span span, Scope scope, Object previousTraceId, Object previousSpanId) {
    this.span = span;
    this.scope = scope;
    this.previousTraceId = previousTraceId;
    this.previousSpanId = previousSpanId;
  }

  /** The {@code traceparent} of the current span, or null when nothing is traced. */
  public static String currentTraceparent() {
    return format(Span.current().getSpanContext());
  }

  static String format(SpanContext context) {
    if (!context.isValid()) {
      return null;
    }
    return "00-"
        + context.getTraceId()
        + "-"
        + context.getSpanId()
        + "-"
        + context.getTraceFlags().asHex();
  }

  /** The remote span a {@code traceparent} names, or an invalid context when it names none. */
  static SpanContext parse(String traceparent) {
    if (traceparent == null) {
      return SpanContext.getInvalid();
    }
    var matcher = W3C.matcher(traceparent.trim());
    if (!matcher.matches()) {
      return SpanContext.getInvalid();
    }
    return SpanContext.createFromRemoteParent(
        matcher.group(1),
        matcher.group(2),
        TraceFlags.fromHex(matcher.group(3), 0),
        TraceState.getDefault());
  }

  /**
   * Starts handling one event: a span continuing the event's trace (a child of {@code traceparent},
   * linked to the span current now, such as the batch request that brought it), made current, and
   * the event in the MDC. Close it when the event is handled.
   *
   * @param traceparent the event's stored trace context, or null
   */
  public static EventTrace start(
      Tracer tracer,
      String spanName,
      SpanKind kind,
      String traceparent,
      String tenant,
      String eventId) {
    SpanContext parent = parse(traceparent);
    SpanContext carrier = Span.current().getSpanContext();
    var builder = tracer.spanBuilder(spanName).setSpanKind(kind);
    builder.setParent(parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root());
    if (carrier.isValid() && !carrier.getTraceId().equals(parent.getTraceId())) {
      builder.addLink(carrier);
    }
    if (tenant != null) {
      builder.setAttribute("hookyard.tenant", tenant);
    }
    if (eventId != null) {
      builder.setAttribute("hookyard.event.id", eventId);
    }
    Span span = builder.startSpan();
    Scope scope = span.makeCurrent();
    Object previousTraceId = MDC.get(MDC_TRACE_ID);
    Object previousSpanId = MDC.get(MDC_SPAN_ID);
    putOrRemove(MDC_TENANT, tenant);
    putOrRemove(MDC_EVENT_ID, eventId);
    SpanContext context = span.getSpanContext();
    if (context.isValid()) {
      MDC.put(MDC_TRACE_ID, context.getTraceId());
      MDC.put(MDC_SPAN_ID, context.getSpanId());
    }
    return new EventTrace(span, scope, previousTraceId, previousSpanId);
  }

  /**
   * Puts an event in the MDC without a span of its own (the current span already covers it, as the
   * receiver's request span does). Close it when the event is handled.
   */
  public static InMdc inMdc(String tenant, String eventId) {
    Object previousTraceId = MDC.get(MDC_TRACE_ID);
    Object previousSpanId = MDC.get(MDC_SPAN_ID);
    putOrRemove(MDC_TENANT, tenant);
    putOrRemove(MDC_EVENT_ID, eventId);
    SpanContext current = Span.current().getSpanContext();
    if (current.isValid()) {
      MDC.put(MDC_TRACE_ID, current.getTraceId());
      MDC.put(MDC_SPAN_ID, current.getSpanId());
    }
    return () -> {
      MDC.remove(MDC_TENANT);
      MDC.remove(MDC_EVENT_ID);
      restore(MDC_TRACE_ID, previousTraceId);
      restore(MDC_SPAN_ID, previousSpanId);
    };
  }

  /** An event in the MDC, taken out again on close. */
  public interface InMdc extends AutoCloseable {
    @Override
    void close();
  }

  /** Marks the span as failed. */
  public void failed(Throwable cause) {
    span.recordException(cause);
    span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
  }

  public Span span() {
    return span;
  }

  @Override
  public void close() {
    MDC.remove(MDC_TENANT);
    MDC.remove(MDC_EVENT_ID);
    restore(MDC_TRACE_ID, previousTraceId);
    restore(MDC_SPAN_ID, previousSpanId);
    scope.close();
    span.end();
  }

  private static void putOrRemove(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  private static void restore(String key, Object previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }
}
