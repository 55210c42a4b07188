package io.hookyard.receiver.vendor;

/**
 * What a vendor adapter reads out of a verified request.
 *
 * @param type the event type, such as {@code github.push}
 * @param subject the device or resource the event is about, when the vendor names one
 * @param operation Created, Updated or Deleted, when the vendor states it
 * @param vendorDeliveryId the vendor's id of this delivery, the dedup key, when it sends one
 */
public record EventFacts(String type, String subject, String operation, String vendorDeliveryId) {}
