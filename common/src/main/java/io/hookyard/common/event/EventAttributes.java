package io.hookyard.common.event;

/**
 * Hookyard's CloudEvents extension attributes. CloudEvents allows only lower-case letters and
 * digits in attribute names, hence the run-together spelling.
 */
public final class EventAttributes {
  /** The tenant that owns the event. */
  public static final String TENANT = "tenant";

  /** The id of the Hookyard source that received it. */
  public static final String SOURCE_ID = "sourceid";

  /** The vendor adapter that parsed it, such as {@code generic} or {@code github}. */
  public static final String VENDOR = "vendor";

  /** When the receiver committed it, as an RFC 3339 instant. */
  public static final String RECEIVED_AT = "receivedat";

  /** The vendor's own delivery id, the dedup key, where the vendor sends one. */
  public static final String VENDOR_DELIVERY_ID = "vendordeliveryid";

  /** Created, Updated or Deleted, where the vendor states it. */
  public static final String OPERATION = "operation";

  /**
   * The subject's state before the event as JSON text, where the vendor sends it along; filters
   * then read {@code old/…} from it rather than from the state rules-service remembers.
   */
  public static final String PREVIOUS_DATA = "previousdata";

  /**
   * {@code true} on an event made from a vendor sample by hand (a mock send), to try the path from
   * the receiver to the destinations. Absent on real events. Rules-service matches it like any
   * event but neither reads nor updates the subject's remembered state with it.
   */
  public static final String MOCK = "mock";

  /** Whether the event is a mock send. */
  public static boolean isMock(io.cloudevents.CloudEvent event) {
    Object value = event.getExtension(MOCK);
    return value != null && Boolean.parseBoolean(value.toString());
  }

  private EventAttributes() {}
}
