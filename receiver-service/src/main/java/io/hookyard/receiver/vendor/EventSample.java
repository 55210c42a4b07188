package io.hookyard.receiver.vendor;

/** An event type a vendor sends, with a payload to try filters and templates on. */
public record EventSample(String type, String description, String payload) {}
