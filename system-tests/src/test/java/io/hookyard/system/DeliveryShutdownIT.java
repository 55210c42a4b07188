package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A delivery-service stopped (SIGTERM) with attempts in flight that do not finish within its grace
 * period releases their leases before it exits, so another instance takes them at once instead of
 * after the lease runs out.
 */
@ExtendWith(SystemStack.class)
class DeliveryShutdownIT {
  static final int DELIVERIES = 10;
  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @Test
  void attemptsStillInFlightAtShutdownAreReleased() throws Exception {
    HookyardStack stack = SystemStack.get();
    ManagementClient alice = stack.as("alice");
    Set<String> arrived = ConcurrentHashMap.newKeySet();
    HttpServer slowSink = slowSink(arrived);
    HookyardStack.Replica replica = null;
    stack.kill(HookyardService.DELIVERY);
    try {
      replica =
          stack.startReplica(
              HookyardService.DELIVERY, Map.of("hookyard.delivery.worker.shutdown-grace", "1s"));
      // The first instance is down, so the destination is created through the replica.
      String json =
          "{\"name\":\"slow-"
              + UUID.randomUUID().toString().substring(0, 8)
              + "\",\"url\":\"http://127.0.0.1:"
              + slowSink.getAddress().getPort()
              + "/slow\"}";
      HttpResponse<String> created =
          ManagementClient.send(
              HttpRequest.newBuilder(
                      URI.create(replica.url() + "/api/v1/tenants/acme/destinations"))
                  .header("Authorization", "Bearer " + alice.token())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build());
      assertEquals(201, created.statusCode(), created.body());
      String destination = JSON.readTree(created.body()).path("id").asText();
      List<String> ids = submit(replica.url(), destination);
      awaitArrivals(arrived, ids);

      replica.process().stop(Duration.ofSeconds(30));
      assertEquals(0, leased(stack, ids), "no delivery is left leased by the stopped instance");
      assertTrue(
          Files.readString(replica.process().logFile()).contains("Releasing " + DELIVERIES),
          "the instance says what it released");
    } finally {
      if (replica != null) {
        replica.process().stop(Duration.ofSeconds(30));
      }
      stack.restart(HookyardService.DELIVERY);
      slowSink.stop(0);
    }
  }

  /** Receives requests, then takes ten seconds to answer each one. */
  private static HttpServer slowSink(Set<String> arrived) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          arrived.add(exchange.getRequestHeaders().getFirst("webhook-id"));
          try {
            Thread.sleep(10_000);
            exchange.sendResponseHeaders(200, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return server;
  }

  private static void awaitArrivals(Set<String> arrived, List<String> ids)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!arrived.containsAll(ids) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertTrue(arrived.containsAll(ids), "every delivery is in flight: " + arrived.size());
  }

  private static long leased(HookyardStack stack, List<String> ids) throws Exception {
    try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
        PreparedStatement query =
            connection.prepareStatement(
                "select count(*) from delivery.delivery where id = any(?)"
                    + " and lease_until is not null")) {
      Array array = connection.createArrayOf("text", ids.toArray());
      query.setArray(1, array);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static List<String> submit(String deliveryUrl, String destination) {
    List<String> ids = new ArrayList<>();
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < DELIVERIES; i++) {
      String id = "dlv_" + id26();
      ids.add(id);
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"id":"%s","tenant":"acme","subscriptionId":"sub_shutdown","destinationId":"%s",
               "event":{"specversion":"1.0","id":"evt_%s","source":"/hooks/acme/shutdown",
                        "type":"shutdown.test","datacontenttype":"application/json",
                        "tenant":"acme","data":{"n":%d}}}"""
                  .formatted(id, destination, id26(), i));
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

  private static String id26() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase(Locale.ROOT);
  }
}
