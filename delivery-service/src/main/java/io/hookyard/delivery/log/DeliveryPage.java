package io.hookyard.delivery.log;

import java.util.List;

/**
 * One page of the log, newest first. {@code nextCursor} is opaque and absent on the last page; pass
 * it back unchanged, with the same filters, for the next page.
 */
public record DeliveryPage(List<DeliveryView> items, String nextCursor) {}
