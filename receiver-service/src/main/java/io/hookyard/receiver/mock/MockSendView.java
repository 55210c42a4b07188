package io.hookyard.receiver.mock;

/** The event a mock send stored; it goes on to rules-service like any accepted event. */
public record MockSendView(String eventId, String sourceId, String type, boolean mock) {}
