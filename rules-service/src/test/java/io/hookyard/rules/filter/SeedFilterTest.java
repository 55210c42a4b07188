package io.hookyard.rules.filter;

import static io.hookyard.rules.filter.Events.ALERT;
import static io.hookyard.rules.filter.Events.FLEET_CALENDAR;
import static io.hookyard.rules.filter.Events.GROUP;
import static io.hookyard.rules.filter.Events.JOB;
import static io.hookyard.rules.filter.Events.SERVER;
import static io.hookyard.rules.filter.Events.event;
import static io.hookyard.rules.filter.Events.fleet;
import static io.hookyard.rules.filter.Events.json;
import static io.hookyard.rules.filter.Events.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every filter from the seed documents (HPE Compute Ops Management's eventFilter examples, and the
 * Fleet + Tines lambda over failing_policies), against events that should and should not match.
 */
class SeedFilterTest {
  static final String POWER_OFF =
      "type eq 'compute-ops/server' and old/hardware/powerState eq 'ON' and changed/hardware/powerState eq True";
  static final String UNHEALTHY =
      "type eq 'compute-ops/server' and old/hardware/health/summary eq 'OK' and changed/hardware/health/summary eq True";
  static final String ALERT_CREATED = "type eq 'compute-ops/alert' and operation eq 'Created'";
  static final String GROUP_RENAMED = "type eq 'compute-ops/group' and changed/name eq True";
  static final String GROUP_NOT_COMPLIANT =
      "type eq 'compute-ops/group' and new/groupComplianceStatus ne 'Compliant'";
  static final String GROUP_OLD_NAME = "type eq 'compute-ops/group' and old/name eq 'Group Name'";
  static final String GROUP_NAME_NOT = "type eq 'compute-ops/group' and name ne 'New Group'";
  static final String PRODUCTION = "contains(name, 'Production')";
  static final String JOBS = "type eq 'compute-ops/job'";
  static final String OS_OUTDATED =
      "failing_policies/any(p: p/name eq 'macOS - OS version up to date')";
  static final String DISCONNECTED =
      "type eq 'compute-ops/server' and old/state/connected eq True and changed/state/connected eq True";
  static final String CONNECTED =
      "type eq 'compute-ops/server' and old/state/connected eq False and changed/state/connected eq True";
  static final String FIRMWARE_JOB_RUNNING =
      "type eq 'compute-ops/job' and contains(name, 'FirmwareUpdate.New') and new/state eq 'RUNNING'";
  static final String GROUP_OR_SERVER =
      "type eq 'compute-ops/group' or type eq 'compute-ops/server'";

  /** All of them, for the property and throughput tests. */
  static final List<String> ALL =
      List.of(
          POWER_OFF,
          UNHEALTHY,
          ALERT_CREATED,
          GROUP_RENAMED,
          GROUP_NOT_COMPLIANT,
          GROUP_OLD_NAME,
          GROUP_NAME_NOT,
          PRODUCTION,
          JOBS,
          OS_OUTDATED,
          DISCONNECTED,
          CONNECTED,
          FIRMWARE_JOB_RUNNING,
          GROUP_OR_SERVER,
          "type eq 'compute-ops/group' and contains(name, 'Production')",
          "type eq 'compute-ops/firmware-bundle' and operation eq 'Created'",
          "type eq 'compute-ops/server' and operation eq 'Created'");

  private static boolean matches(String filter, FilterContext context) {
    return FilterCompiler.compile(filter).matches(context);
  }

  @Test
  void everySeedFilterCompiles() {
    for (String filter : ALL) {
      assertEquals(filter, FilterCompiler.compile(filter).source());
    }
  }

  @Test
  void powerStateTransitionAcrossTwoSuccessiveServerEvents() {
    JsonNode on = SERVER;
    JsonNode off = with(SERVER, "hardware/powerState", "OFF");
    // First event: the server is created, powered on. There is no old state.
    assertFalse(matches(POWER_OFF, event("compute-ops/server", "Created", on)));
    // Second event: ON -> OFF, the shutdown.
    assertTrue(matches(POWER_OFF, event("compute-ops/server", "Updated", off, on)));
    // An update that leaves it ON (another member changed) is not a shutdown.
    JsonNode onRenamed = with(SERVER, "name", "esx-prod-07b.corp.example.net");
    assertFalse(matches(POWER_OFF, event("compute-ops/server", "Updated", onRenamed, on)));
    // OFF -> ON is a power-on, not a shutdown.
    assertFalse(matches(POWER_OFF, event("compute-ops/server", "Updated", on, off)));
    // The same transition on a resource of another type.
    assertFalse(matches(POWER_OFF, event("compute-ops/group", "Updated", off, on)));
  }

  @Test
  void powerStateExplanationPointsAtTheFailingClause() {
    CompiledFilter filter = FilterCompiler.compile(POWER_OFF);
    Explanation unchanged = filter.explain(event("compute-ops/server", "Updated", SERVER, SERVER));
    assertNotNull(unchanged);
    assertEquals("changed/hardware/powerState eq True", unchanged.clause());
    assertEquals(1, unchanged.line());
    assertEquals(POWER_OFF.indexOf("changed/") + 1, unchanged.column());
    assertEquals("changed/hardware/powerState is false", unchanged.detail());

    Explanation noOld = filter.explain(event("compute-ops/server", "Created", SERVER));
    assertEquals("old/hardware/powerState eq 'ON'", noOld.clause());
    assertEquals("old/hardware/powerState is null or missing", noOld.detail());

    JsonNode off = with(SERVER, "hardware/powerState", "OFF");
    Explanation wasOff = filter.explain(event("compute-ops/server", "Updated", SERVER, off));
    assertEquals("old/hardware/powerState is 'OFF'", wasOff.detail());

    assertNull(filter.explain(event("compute-ops/server", "Updated", off, SERVER)));
  }

  @Test
  void healthSummaryTransitionOutOfOk() {
    JsonNode ok = SERVER;
    JsonNode warning = with(SERVER, "hardware/health/summary", "WARNING");
    JsonNode critical = with(SERVER, "hardware/health/summary", "CRITICAL");
    assertTrue(matches(UNHEALTHY, event("compute-ops/server", "Updated", warning, ok)));
    assertTrue(matches(UNHEALTHY, event("compute-ops/server", "Updated", critical, ok)));
    // Still OK, or already unhealthy before, or recovering: no match.
    assertFalse(matches(UNHEALTHY, event("compute-ops/server", "Updated", ok, ok)));
    assertFalse(matches(UNHEALTHY, event("compute-ops/server", "Updated", critical, warning)));
    assertFalse(matches(UNHEALTHY, event("compute-ops/server", "Updated", ok, warning)));
    assertFalse(matches(UNHEALTHY, event("compute-ops/server", "Created", warning)));
    // Another member of health changing does not count.
    JsonNode fanDegraded = with(SERVER, "hardware/health/fans", "DEGRADED");
    assertFalse(matches(UNHEALTHY, event("compute-ops/server", "Updated", fanDegraded, ok)));
  }

  @Test
  void connectedTransitions() {
    JsonNode connected = SERVER;
    JsonNode disconnected = with(SERVER, "state/connected", false);
    assertTrue(
        matches(DISCONNECTED, event("compute-ops/server", "Updated", disconnected, connected)));
    assertFalse(
        matches(DISCONNECTED, event("compute-ops/server", "Updated", connected, connected)));
    assertFalse(
        matches(DISCONNECTED, event("compute-ops/server", "Updated", connected, disconnected)));
    assertTrue(matches(CONNECTED, event("compute-ops/server", "Updated", connected, disconnected)));
    assertFalse(
        matches(CONNECTED, event("compute-ops/server", "Updated", disconnected, connected)));
    // The string 'true' is not the boolean true.
    JsonNode stringly = with(SERVER, "state/connected", "true");
    assertFalse(
        matches(DISCONNECTED, event("compute-ops/server", "Updated", disconnected, stringly)));
  }

  @Test
  void alertCreated() {
    assertTrue(matches(ALERT_CREATED, event("compute-ops/alert", "Created", ALERT)));
    assertFalse(matches(ALERT_CREATED, event("compute-ops/alert", "Updated", ALERT, ALERT)));
    assertFalse(matches(ALERT_CREATED, event("compute-ops/alert", "Deleted", ALERT)));
    assertFalse(matches(ALERT_CREATED, event("compute-ops/server", "Created", SERVER)));
    // Case matters: 'created' is not 'Created'.
    assertFalse(matches(ALERT_CREATED, event("compute-ops/alert", "created", ALERT)));
  }

  @Test
  void groupRenamed() {
    JsonNode renamed = with(GROUP, "name", "Production ESXi Lyon (retired)");
    assertTrue(matches(GROUP_RENAMED, event("compute-ops/group", "Updated", renamed, GROUP)));
    assertFalse(matches(GROUP_RENAMED, event("compute-ops/group", "Updated", GROUP, GROUP)));
    JsonNode moreDevices = with(GROUP, "description", "Hypervisors in Lyon DC2 and DC3");
    assertFalse(matches(GROUP_RENAMED, event("compute-ops/group", "Updated", moreDevices, GROUP)));
    // A created group has no old state: nothing has changed yet.
    assertFalse(matches(GROUP_RENAMED, event("compute-ops/group", "Created", GROUP)));
    // A name that appears (absent before) counts as changed.
    JsonNode unnamed = with(GROUP, "name", null);
    assertTrue(matches(GROUP_RENAMED, event("compute-ops/group", "Updated", GROUP, unnamed)));
  }

  @Test
  void groupNotCompliant() {
    JsonNode notCompliant = with(GROUP, "groupComplianceStatus", "Not_Compliant");
    assertTrue(matches(GROUP_NOT_COMPLIANT, event("compute-ops/group", "Updated", notCompliant)));
    assertFalse(matches(GROUP_NOT_COMPLIANT, event("compute-ops/group", "Updated", GROUP)));
    // ne is "not eq": a group with no status at all is not Compliant.
    JsonNode unknown = with(GROUP, "groupComplianceStatus", null);
    assertTrue(matches(GROUP_NOT_COMPLIANT, event("compute-ops/group", "Updated", unknown)));
    assertFalse(matches(GROUP_NOT_COMPLIANT, event("compute-ops/server", "Updated", notCompliant)));
  }

  @Test
  void groupOldNameMatchesFromTheEventAfterCreationUntilTheRename() {
    // HPE: with old/name, events 1..n match, where event n renames the group.
    JsonNode original = with(GROUP, "name", "Group Name");
    JsonNode otherChange = with(original, "description", "changed");
    JsonNode renamed = with(original, "name", "Group2");
    List<Boolean> seen =
        List.of(
            matches(GROUP_OLD_NAME, event("compute-ops/group", "Created", original)),
            matches(GROUP_OLD_NAME, event("compute-ops/group", "Updated", otherChange, original)),
            matches(GROUP_OLD_NAME, event("compute-ops/group", "Updated", renamed, otherChange)),
            matches(GROUP_OLD_NAME, event("compute-ops/group", "Updated", renamed, renamed)));
    assertEquals(List.of(false, true, true, false), seen);
    // With new/name, events 0..n-1 match.
    String byNewName = "type eq 'compute-ops/group' and new/name eq 'Group Name'";
    assertTrue(matches(byNewName, event("compute-ops/group", "Created", original)));
    assertFalse(matches(byNewName, event("compute-ops/group", "Updated", renamed, otherChange)));
  }

  @Test
  void bareNameIsAnAliasForNewName() {
    assertTrue(matches(GROUP_NAME_NOT, event("compute-ops/group", "Updated", GROUP)));
    JsonNode newGroup = with(GROUP, "name", "New Group");
    assertFalse(matches(GROUP_NAME_NOT, event("compute-ops/group", "Updated", newGroup)));
    // The old name does not matter to a bare name.
    assertTrue(matches(GROUP_NAME_NOT, event("compute-ops/group", "Updated", GROUP, newGroup)));
    assertEquals(
        matches("name eq 'Production ESXi Lyon'", event("compute-ops/group", "Updated", GROUP)),
        matches(
            "new/name eq 'Production ESXi Lyon'", event("compute-ops/group", "Updated", GROUP)));
  }

  @Test
  void containsProduction() {
    assertTrue(matches(PRODUCTION, event("compute-ops/group", "Updated", GROUP)));
    JsonNode staging = with(GROUP, "name", "Staging ESXi Lyon");
    assertFalse(matches(PRODUCTION, event("compute-ops/group", "Updated", staging)));
    JsonNode lower = with(GROUP, "name", "production ESXi Lyon");
    assertFalse(matches(PRODUCTION, event("compute-ops/group", "Updated", lower)));
    assertTrue(
        matches(
            "contains(tolower(name), 'production')", event("compute-ops/group", "Updated", lower)));
    // An alert has no name: contains on a missing value is false, never an error.
    assertFalse(matches(PRODUCTION, event("compute-ops/alert", "Created", ALERT)));
  }

  @Test
  void jobs() {
    assertTrue(matches(JOBS, event("compute-ops/job", "Updated", JOB)));
    assertFalse(matches(JOBS, event("compute-ops/jobs", "Updated", JOB)));
    assertFalse(matches(JOBS, event("compute-ops/server", "Updated", SERVER)));
    assertTrue(matches(FIRMWARE_JOB_RUNNING, event("compute-ops/job", "Updated", JOB)));
    JsonNode done = with(JOB, "state", "COMPLETE");
    assertFalse(matches(FIRMWARE_JOB_RUNNING, event("compute-ops/job", "Updated", done, JOB)));
    JsonNode otherJob = with(JOB, "name", "ServerPowerOff.New");
    assertFalse(matches(FIRMWARE_JOB_RUNNING, event("compute-ops/job", "Updated", otherJob)));
  }

  @Test
  void groupOrServer() {
    assertTrue(matches(GROUP_OR_SERVER, event("compute-ops/group", "Updated", GROUP)));
    assertTrue(matches(GROUP_OR_SERVER, event("compute-ops/server", "Updated", SERVER)));
    assertFalse(matches(GROUP_OR_SERVER, event("compute-ops/job", "Updated", JOB)));
  }

  @Test
  void fleetLambdaOverFailingPolicies() {
    assertTrue(matches(OS_OUTDATED, fleet(FLEET_CALENDAR)));
    JsonNode otherPolicies =
        json(
            """
            {
              "timestamp": "2026-11-22T13:00:04.512873-05:00",
              "host_id": 20417,
              "host_display_name": "Nadia's MacBook Pro",
              "host_serial_number": "C02FK3XYMD6T",
              "failing_policies": [
                {"id": 318, "name": "macOS - FileVault enabled"},
                {"id": 322, "name": "macOS - Firewall enabled"}
              ]
            }
            """);
    assertFalse(matches(OS_OUTDATED, fleet(otherPolicies)));
    JsonNode both =
        json(
            """
            {
              "host_id": 20417,
              "failing_policies": [
                {"id": 318, "name": "macOS - FileVault enabled"},
                {"id": 312, "name": "macOS - OS version up to date"}
              ]
            }
            """);
    assertTrue(matches(OS_OUTDATED, fleet(both)));
    assertFalse(matches(OS_OUTDATED, fleet(json("{\"host_id\": 1, \"failing_policies\": []}"))));
    assertFalse(matches(OS_OUTDATED, fleet(json("{\"host_id\": 1}"))));
    assertFalse(matches(OS_OUTDATED, fleet(json("{\"failing_policies\": {\"name\": \"x\"}}"))));

    Explanation why = FilterCompiler.compile(OS_OUTDATED).explain(fleet(otherPolicies));
    assertEquals(OS_OUTDATED, why.clause());
    assertEquals("no element of failing_policies (2) satisfies the condition", why.detail());
  }
}
