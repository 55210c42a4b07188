package io.hookyard.console.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogQueryTest {

  @Test
  void aBulkReplayTakesTheFilterOnlyWithoutResponseCodeOrRequestId() {
    LogQuery query = new LogQuery();
    query.since = "2026-11-01T00:00";
    query.status = "dead";
    query.eventType = "fleet.host";
    query.destinationId = "dst_1";
    query.subscriptionId = "sub_1";
    query.responseCode = " ";
    assertTrue(query.normalized().replayableAsFiltered());

    query.responseCode = "5xx";
    assertFalse(query.normalized().replayableAsFiltered(), "by response code");

    query.responseCode = null;
    query.deliveryId = "dlv_1";
    assertFalse(query.normalized().replayableAsFiltered(), "by request id");
  }
}
