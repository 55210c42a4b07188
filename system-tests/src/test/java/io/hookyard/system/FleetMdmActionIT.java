package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Fleet to MDM flow of the Tines walkthrough, on Hookyard: a Fleet calendar webhook for a host
 * failing "macOS - OS version up to date" makes the subscription's action read the host from
 * Fleet's API (with the tenant's API token credential), then send Fleet an MDM ScheduleOSUpdate
 * command for that host's UUID, as a base64 plist. A webhook with an error goes to the error route.
 */
@ExtendWith(SystemStack.class)
class FleetMdmActionIT {
  private static final String TENANT = "acme";
  private static final String FLEET_TOKEN = "fleet-api-only-user-token-4e7d1a9b";
  private static final String HOST_UUID = "9F2C4D61-5B1A-4E8E-A7D2-3C0F6B9E1D22";
  private static final String PRODUCT_VERSION = "14.4.1";
  private static final String PLIST =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      <dict>
          <key>Command</key>
          <dict>
              <key>RequestType</key>
              <string>ScheduleOSUpdate</string>
              <key>Updates</key>
              <array>
                  <dict>
                      <key>InstallAction</key>
                      <string>InstallASAP</string>
                      <key>ProductVersion</key>
                      <string>%s</string>
                  </dict>
              </array>
          </dict>
          <key>CommandUUID</key>
          <string>{fn:uuid}</string>
      </dict>
      </plist>"""
          .formatted(PRODUCT_VERSION);

  @Test
  void anOutdatedMacGetsAnOsUpdateCommandAndAnErrorGoesToTheErrorRoute() throws Exception {
    HookyardStack stack = SystemStack.get();
    ManagementClient alice = stack.as("alice");
    ActionWiring wiring = ActionWiring.of(alice, TENANT);
    try (RecordingServer fleetApi = RecordingServer.start();
        RecordingServer alerts = RecordingServer.start()) {
      fleetApi.answerWith(401);
      fleetApi.answerWith(
          r ->
              r.method().equals("GET")
                  && r.path().equals("/api/v1/fleet/hosts/11058")
                  && ("Bearer " + FLEET_TOKEN).equals(r.header("authorization")),
          200,
          "{\"host\":{\"id\":11058,\"hostname\":\"victors-vm\",\"uuid\":\"" + HOST_UUID + "\"}}");
      fleetApi.answerWith(
          r ->
              r.method().equals("POST")
                  && r.path().equals("/api/v1/fleet/commands/run")
                  && ("Bearer " + FLEET_TOKEN).equals(r.header("authorization")),
          200,
          "{\"command_uuid\":\"accepted\",\"request_type\":\"ScheduleOSUpdate\"}");

      JsonNode source = wiring.source("fleet");
      String credential =
          wiring.credential(
              Map.of(
                  "name",
                  "fleet_" + wiring.suffix().replace('-', '_'),
                  "kind",
                  "api_token",
                  "token",
                  FLEET_TOKEN));
      String fleetDestination =
          wiring.destination("fleet-api", fleetApi.url(), Map.of("credentialId", credential));
      String alertDestination =
          wiring.destination("fleet-errors", alerts.url() + "/slack", Map.of());
      wiring.subscription(subscription(source, fleetDestination, alertDestination));

      HttpResponse<String> accepted =
          ManagementClient.postEvent(
              source.path("url").asText(),
              source.path("secret").asText(),
              calendarWebhook(11058, ""));
      assertEquals(202, accepted.statusCode(), accepted.body());

      RecordingServer.Recorded command =
          fleetApi
              .await(r -> r.path().equals("/api/v1/fleet/commands/run"), 1, Duration.ofSeconds(60))
              .getFirst();
      JsonNode body = ActionWiring.read(command.bodyText());
      assertEquals(List.of(HOST_UUID), List.of(body.path("host_uuids").get(0).asText()));
      assertEquals(1, body.path("host_uuids").size());
      Map<String, Object> plist = plist(Base64.getDecoder().decode(body.path("command").asText()));
      @SuppressWarnings("unchecked")
      Map<String, Object> mdm = (Map<String, Object>) plist.get("Command");
      assertEquals("ScheduleOSUpdate", mdm.get("RequestType"));
      @SuppressWarnings("unchecked")
      Map<String, Object> update = ((List<Map<String, Object>>) mdm.get("Updates")).getFirst();
      assertEquals("InstallASAP", update.get("InstallAction"));
      assertEquals(PRODUCT_VERSION, update.get("ProductVersion"));
      UUID commandUuid = UUID.fromString((String) plist.get("CommandUUID"));

      assertEquals(1, fleetApi.requests(r -> r.path().startsWith("/api/v1/fleet/hosts/")).size());
      assertEquals(0, fleetApi.refused().size(), "every request carried the API token");
      String deliveryId = command.header("webhook-id").replace(".command", "");
      JsonNode entry = wiring.awaitDelivery(deliveryId, "SUCCEEDED");
      List<String> steps = entry.path("attempts").findValuesAsText("step");
      assertEquals(List.of("host", "command"), steps);
      assertFalse(entry.toString().contains(FLEET_TOKEN), "the token is not in the log");

      // A second outdated Mac gets a command of its own, with a fresh CommandUUID.
      fleetApi.answerWith(
          r -> r.path().equals("/api/v1/fleet/hosts/11059"),
          200,
          "{\"host\":{\"id\":11059,\"uuid\":\"" + HOST_UUID + "\"}}");
      ManagementClient.postEvent(
          source.path("url").asText(), source.path("secret").asText(), calendarWebhook(11059, ""));
      RecordingServer.Recorded second =
          fleetApi
              .await(r -> r.path().equals("/api/v1/fleet/commands/run"), 2, Duration.ofSeconds(60))
              .get(1);
      Map<String, Object> secondPlist =
          plist(
              Base64.getDecoder()
                  .decode(ActionWiring.read(second.bodyText()).path("command").asText()));
      assertTrue(
          !commandUuid.equals(UUID.fromString((String) secondPlist.get("CommandUUID"))),
          "each command has its own CommandUUID");

      // Fleet reports an error: the error route alerts, Fleet's API is not called for it.
      ManagementClient.postEvent(
          source.path("url").asText(),
          source.path("secret").asText(),
          calendarWebhook(11060, "calendar event could not be created"));
      RecordingServer.Recorded alert =
          alerts.await(r -> true, 1, Duration.ofSeconds(60)).getFirst();
      assertEquals(
          "Fleet host 11060: calendar event could not be created",
          ActionWiring.read(alert.bodyText()).path("text").asText());
      assertEquals(0, fleetApi.all().stream().filter(r -> r.path().endsWith("/11060")).count());

      // Fleet no longer knows a host: the command cannot be built, and the error route says why.
      fleetApi.answerWith(r -> r.path().equals("/api/v1/fleet/hosts/11061"), 200, "{}");
      ManagementClient.postEvent(
          source.path("url").asText(), source.path("secret").asText(), calendarWebhook(11061, ""));
      RecordingServer.Recorded why = alerts.await(r -> true, 2, Duration.ofSeconds(60)).get(1);
      String text = ActionWiring.read(why.bodyText()).path("text").asText();
      assertTrue(
          text.startsWith("Fleet host 11061: Step 'command', field 'body'")
              && text.contains("steps.host.response.body.host.uuid"),
          text);
      assertEquals(2, fleetApi.requests(r -> r.path().equals("/api/v1/fleet/commands/run")).size());
    }
  }

  private static Map<String, Object> subscription(
      JsonNode source, String fleetDestination, String alertDestination) {
    Map<String, Object> host =
        Map.of(
            "name", "host",
            "destinationId", fleetDestination,
            "path", "/api/v1/fleet/hosts/{data.host_id}");
    Map<String, Object> command =
        Map.of(
            "name",
            "command",
            "destinationId",
            fleetDestination,
            "method",
            "POST",
            "path",
            "/api/v1/fleet/commands/run",
            "body",
            "{\"host_uuids\":[{steps.host.response.body.host.uuid.json}],"
                + "\"command\":\"{#base64}"
                + PLIST
                + "{/base64}\"}");
    Map<String, Object> alert =
        Map.of(
            "name",
            "alert",
            "destinationId",
            alertDestination,
            "preset",
            "SLACK",
            "fields",
            Map.of("text", "Fleet host {data.host_id}: {data.error ?: error.reason}"));
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("steps", List.of(host, command));
    action.put(
        "errorRoute", Map.of("when", "error ne null and error ne ''", "steps", List.of(alert)));
    Map<String, Object> subscription = new LinkedHashMap<>();
    subscription.put("eventTypes", List.of("fleet.calendar"));
    subscription.put("sources", List.of(source.path("id").asText()));
    subscription.put(
        "filter",
        "(error ne null and error ne '')"
            + " or failing_policies/any(p: p/name eq 'macOS - OS version up to date')");
    subscription.put("action", action);
    return subscription;
  }

  private static String calendarWebhook(int hostId, String error) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("timestamp", "2024-03-28T13:57:31.668954-05:00");
    payload.put("host_id", hostId);
    payload.put("host_display_name", "Victor's Virtual Machine (2)");
    payload.put("host_serial_number", "Z5C4L7GKY0");
    payload.put(
        "failing_policies",
        error.isEmpty()
            ? List.of(Map.of("id", 479, "name", "macOS - OS version up to date"))
            : List.of());
    if (!error.isEmpty()) {
      payload.put("error", error);
    }
    return ActionWiring.json(payload);
  }

  /** Parses an XML property list (dict, array, string, integer, true/false) into Java values. */
  private static Map<String, Object> plist(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    Element root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    assertEquals("plist", root.getTagName());
    assertEquals("1.0", root.getAttribute("version"));
    @SuppressWarnings("unchecked")
    Map<String, Object> top = (Map<String, Object>) value(elements(root).getFirst());
    return top;
  }

  private static Object value(Element element) {
    return switch (element.getTagName()) {
      case "dict" -> {
        Map<String, Object> dict = new LinkedHashMap<>();
        List<Element> children = elements(element);
        for (int i = 0; i < children.size(); i += 2) {
          assertEquals("key", children.get(i).getTagName());
          dict.put(children.get(i).getTextContent(), value(children.get(i + 1)));
        }
        yield dict;
      }
      case "array" -> elements(element).stream().map(FleetMdmActionIT::value).toList();
      case "string" -> element.getTextContent();
      case "integer" -> Long.parseLong(element.getTextContent());
      case "true" -> true;
      case "false" -> false;
      default -> throw new AssertionError("not a plist value: " + element.getTagName());
    };
  }

  private static List<Element> elements(Element parent) {
    List<Element> elements = new java.util.ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }
}
