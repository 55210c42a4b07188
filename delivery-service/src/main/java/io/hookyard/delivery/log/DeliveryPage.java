package io.hookyard.delivery.log;

import java.util.List;

/** One page of the log, newest first; {@code nextCursor} is absent on the last page. */
public record DeliveryPage(List<DeliveryView> items, String nextCursor) {}
