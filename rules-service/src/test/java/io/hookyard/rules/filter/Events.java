package io.hookyard.rules.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** Builds filter contexts from realistic payloads for the filter tests. */
final class Events {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Events() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * A copy of {@code base} with the member at {@code path} (slash-separated) set to {@code value}.
   */
  static JsonNode with(JsonNode base, String path, Object value) {
    ObjectNode copy = base.deepCopy();
    String[] segments = path.split("/");
    ObjectNode parent = copy;
    for (int i = 0; i < segments.length - 1; i++) {
      parent = (ObjectNode) parent.get(segments[i]);
    }
    String last = segments[segments.length - 1];
    if (value == null) {
      parent.remove(last);
    } else {
      parent.set(last, MAPPER.valueToTree(value));
    }
    return copy;
  }

  static Map<String, Object> envelope(String type, String operation) {
    Map<String, Object> envelope = new HashMap<>();
    envelope.put("type", type);
    envelope.put("operation", operation);
    envelope.put("id", "evt_01JDQ3ZK7Y5N8X2V4B6C9D0E1F");
    envelope.put("source", "/hooks/acme/hpe-com");
    envelope.put("vendor", "hpe-com");
    envelope.put("time", java.time.OffsetDateTime.parse("2026-11-22T11:58:08.120Z"));
    return envelope;
  }

  static FilterContext event(String type, String operation, JsonNode data) {
    return FilterContext.of(envelope(type, operation), data);
  }

  static FilterContext event(String type, String operation, JsonNode data, JsonNode old) {
    return FilterContext.of(envelope(type, operation), data, old);
  }

  /** A COM server snapshot, as compute-ops/server events carry it. */
  static final JsonNode SERVER =
      json(
          """
          {
            "id": "P28948-B21+CZ2311004H",
            "type": "compute-ops-mgmt/server",
            "name": "esx-prod-07.corp.example.net",
            "operation": "Updated",
            "generation": 412,
            "createdAt": "2025-09-02T08:14:51.402Z",
            "updatedAt": "2026-11-22T11:58:07.913Z",
            "resourceUri": "/compute-ops-mgmt/v1beta2/servers/P28948-B21+CZ2311004H",
            "hardware": {
              "serialNumber": "CZ2311004H",
              "productId": "P28948-B21",
              "model": "ProLiant DL360 Gen11",
              "powerState": "ON",
              "indicatorLed": "OFF",
              "health": {
                "summary": "OK",
                "fans": "OK",
                "memory": "OK",
                "processor": "OK",
                "powerSupplies": "OK",
                "storage": "OK",
                "temperature": "OK"
              },
              "bmc": {
                "ip": "10.20.30.47",
                "hostname": "ilo-esx-prod-07.corp.example.net",
                "mac": "94:40:c9:3a:11:7e"
              },
              "memoryMb": 524288
            },
            "state": {
              "managed": true,
              "connected": true,
              "connectedModifiedAt": "2026-11-21T23:02:10.118Z",
              "subscriptionState": "SUBSCRIBED"
            },
            "host": {
              "hostname": "esx-prod-07.corp.example.net",
              "osName": "VMware ESXi",
              "osVersion": "8.0.3 Build-24022510 Update 3"
            },
            "firmwareInventory": [
              {"name": "iLO 6", "version": "1.62"},
              {"name": "System ROM", "version": "U54 v2.30 (07/25/2025)"}
            ],
            "tags": {"Location": "Lyon-DC2", "Application": "Hypervisor", "Owner": "infra-team"}
          }
          """);

  /** A COM group snapshot. */
  static final JsonNode GROUP =
      json(
          """
          {
            "id": "d4c3b2a1-0f9e-4d8c-b7a6-958473625140",
            "type": "compute-ops-mgmt/group",
            "name": "Production ESXi Lyon",
            "description": "Hypervisors in Lyon DC2",
            "generation": 27,
            "createdAt": "2025-03-11T09:30:00.000Z",
            "updatedAt": "2026-11-22T09:12:44.018Z",
            "resourceUri": "/compute-ops-mgmt/v1beta2/groups/d4c3b2a1-0f9e-4d8c-b7a6-958473625140",
            "groupComplianceStatus": "Compliant",
            "devices": [
              {"serverId": "P28948-B21+CZ2311004H"},
              {"serverId": "P28948-B21+CZ2311004J"}
            ],
            "settings": {"firmwareBaseline": "2025.09.00.00"}
          }
          """);

  /** A COM alert. */
  static final JsonNode ALERT =
      json(
          """
          {
            "id": "2c4b7f10-6a0e-4b9b-9a3d-5e81f4c2d907",
            "type": "compute-ops-mgmt/alert",
            "operation": "Created",
            "generation": 1,
            "createdAt": "2026-11-22T11:57:42.006Z",
            "updatedAt": "2026-11-22T11:57:42.006Z",
            "serverId": "P28948-B21+CZ2311004H",
            "serverName": "esx-prod-07.corp.example.net",
            "severity": "WARNING",
            "category": "Power",
            "description": "Power Supply 2 has lost input power; the server is running with no power redundancy.",
            "messageId": "iLOEvents.2.3.PowerSupplyInputLost"
          }
          """);

  /** A COM firmware update job. */
  static final JsonNode JOB =
      json(
          """
          {
            "id": "7a1e5d3c-20b4-4f6e-8c19-b0d2e4a9f311",
            "type": "compute-ops-mgmt/job",
            "name": "GroupFirmwareUpdate.New",
            "operation": "Updated",
            "generation": 3,
            "createdAt": "2026-11-22T10:00:02.551Z",
            "updatedAt": "2026-11-22T10:04:37.209Z",
            "state": "RUNNING",
            "resultCode": null,
            "status": "Applying firmware bundle 2025.09.00.00 to 12 servers"
          }
          """);

  /** Fleet's calendar webhook, as in the Fleet + Tines walkthrough. */
  static final JsonNode FLEET_CALENDAR =
      json(
          """
          {
            "timestamp": "2024-03-28T13:57:31.668954-05:00",
            "host_id": 11058,
            "host_display_name": "Victor's Virtual Machine (2)",
            "host_serial_number": "Z5C4L7GKY0",
            "failing_policies": [
              {"id": 479, "name": "macOS - OS version up to date"}
            ]
          }
          """);

  static FilterContext fleet(JsonNode data) {
    Map<String, Object> envelope = new HashMap<>();
    envelope.put("type", "fleet.calendar");
    envelope.put("vendor", "fleet");
    envelope.put("id", "evt_01JDQ40000000000000000FLEET");
    return FilterContext.of(envelope, data);
  }
}
