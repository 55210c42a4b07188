package io.hookyard.receiver.vendor;

/**
 * The operation a vendor states in the last word of its event name, such as Stripe's {@code
 * customer.deleted}, Shopify's {@code orders/create} or Zoom's {@code meeting.updated}. Names that
 * state no operation ({@code invoice.paid}) have none rather than a guess.
 */
final class EventOperations {
  private EventOperations() {}

  static String of(String eventName) {
    if (eventName == null) {
      return null;
    }
    int cut = Math.max(eventName.lastIndexOf('.'), eventName.lastIndexOf('/'));
    return switch (eventName.substring(cut + 1)) {
      case "create", "created" -> "Created";
      case "update", "updated" -> "Updated";
      case "delete", "deleted" -> "Deleted";
      default -> null;
    };
  }
}
