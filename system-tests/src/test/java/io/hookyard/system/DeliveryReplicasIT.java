package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two delivery-service instances on one database share the queue: every delivery reaches the sink
 * exactly once, whichever instance took it, even when one instance is stopped (gracefully) while
 * deliveries are in flight.
 */
@ExtendWith(SystemStack.class)
class DeliveryReplicasIT {
  static final int DELIVERIES = 3_000;
  static final int BATCH = 100;
  static final Pattern SUCCEEDED =
      Pattern.compile("hookyard_delivery_attempts_total\\{outcome=\"succeeded\",?\\} ([0-9.E]+)");

  @Test
  void twoInstancesShareTheWorkWithNoDoubleSends() throws Exception {
    HookyardStack stack = SystemStack.get();
    ManagementClient alice = stack.as("alice");
    HookyardStack.Replica second = stack.startReplica(HookyardService.DELIVERY, Map.of());
    try (RecordingServer sink = RecordingServer.start()) {
      String destination =
          alice
              .createDestination(
                  "acme", "replicas-" + UUID.randomUUID().toString().substring(0, 8), sink.url())
              .path("id")
              .asText();
      String first = stack.url(HookyardService.DELIVERY);
      List<String> ids = new ArrayList<>();
      for (int batch = 0; batch < DELIVERIES / BATCH; batch++) {
        ids.addAll(submit(batch % 2 == 0 ? first : second.url(), destination));
      }
      awaitDeliveries(second.url());
      // Stop the second instance while the queue is still being worked on: what it holds is
      // finished or released, and the first instance delivers the rest.
      second.process().stop(Duration.ofSeconds(30));

      sink.await(r -> true, DELIVERIES, Duration.ofSeconds(120));
      Thread.sleep(2_000);
      Map<String, Integer> perId = new HashMap<>();
      sink.requests().forEach(r -> perId.merge(r.header("webhook-id"), 1, Integer::sum));
      assertEquals(DELIVERIES, perId.size(), "every delivery arrived");
      assertTrue(perId.keySet().containsAll(ids), "none is missing");
      List<String> twice =
          perId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
      assertEquals(List.of(), twice, "none arrived twice");
      assertTrue(metric(first) > 0, "the first instance delivered as well");
    } finally {
      second.process().stop(Duration.ofSeconds(30));
    }
  }

  private static void awaitDeliveries(String deliveryUrl) throws InterruptedException {
    for (int i = 0; i < 300 && metric(deliveryUrl) == 0; i++) {
      Thread.sleep(100);
    }
    assertTrue(metric(deliveryUrl) > 0, "the instance at " + deliveryUrl + " took deliveries too");
  }

  private static List<String> submit(String deliveryUrl, String destination) {
    List<String> ids = new ArrayList<>();
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < BATCH; i++) {
      String id = "dlv_" + ulidLike();
      ids.add(id);
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"id":"%s","tenant":"acme","subscriptionId":"sub_replicas","destinationId":"%s",
               "event":{"specversion":"1.0","id":"evt_%s","source":"/hooks/acme/replicas",
                        "type":"replicas.test","datacontenttype":"application/json",
                        "tenant":"acme","data":{"n":%d}}}"""
                  .formatted(id, destination, ulidLike(), i));
    }
    body.append("]");
    HttpResponse<String> response =
        ManagementClient.send(
            HttpRequest.newBuilder(URI.create(deliveryUrl + "/internal/v1/deliveries"))
                .header(
                    "Authorization",
                    "Bearer " + SystemStack.get().serviceToken(HookyardService.RULES))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    assertEquals(204, response.statusCode(), response.body());
    return ids;
  }

  private static double metric(String deliveryUrl) {
    String text =
        ManagementClient.send(
                HttpRequest.newBuilder(URI.create(deliveryUrl + "/q/metrics")).build())
            .body();
    Matcher matcher = SUCCEEDED.matcher(text);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private static String ulidLike() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase();
  }
}
