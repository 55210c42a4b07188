package io.hookyard.receiver.ingest;

/** The receiver's answer to an accepted event. {@code duplicate} marks a vendor redelivery. */
public record AcceptedEvent(String id, boolean duplicate) {}
