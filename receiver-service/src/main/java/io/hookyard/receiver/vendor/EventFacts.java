package io.hookyard.receiver.vendor;

/**
 * What a vendor adapter reads out of a verified request: the event type, the subject (device or
 * resource id), and the vendor's delivery id, which is the dedup key.
 */
public record EventFacts(String type, String subject, String vendorDeliveryId) {}
