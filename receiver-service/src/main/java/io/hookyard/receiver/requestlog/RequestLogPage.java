package io.hookyard.receiver.requestlog;

import java.util.List;

/** One page of the request log, newest first; {@code nextCursor} is absent on the last page. */
public record RequestLogPage(List<RequestLogView> items, String nextCursor) {}
