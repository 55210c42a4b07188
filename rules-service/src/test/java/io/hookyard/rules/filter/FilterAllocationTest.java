package io.hookyard.rules.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluation of the seed filters allocates nothing per call (lambdas aside), which is what keeps it
 * fast. Speed itself is measured by the benchmarks, not by tests.
 */
class FilterAllocationTest {
  record Case(String filter, FilterContext context) {}

  static List<Case> cases() {
    JsonNode off = Events.with(Events.SERVER, "hardware/powerState", "OFF");
    JsonNode warning = Events.with(Events.SERVER, "hardware/health/summary", "WARNING");
    JsonNode renamed = Events.with(Events.GROUP, "name", "Production ESXi Lyon 2");
    JsonNode notCompliant = Events.with(Events.GROUP, "groupComplianceStatus", "Not_Compliant");
    return List.of(
        new Case(
            SeedFilterTest.POWER_OFF,
            Events.event("compute-ops/server", "Updated", off, Events.SERVER)),
        new Case(
            SeedFilterTest.UNHEALTHY,
            Events.event("compute-ops/server", "Updated", warning, Events.SERVER)),
        new Case(
            SeedFilterTest.ALERT_CREATED,
            Events.event("compute-ops/alert", "Created", Events.ALERT)),
        new Case(
            SeedFilterTest.GROUP_RENAMED,
            Events.event("compute-ops/group", "Updated", renamed, Events.GROUP)),
        new Case(
            SeedFilterTest.GROUP_NOT_COMPLIANT,
            Events.event("compute-ops/group", "Updated", notCompliant)),
        new Case(
            SeedFilterTest.GROUP_NAME_NOT,
            Events.event("compute-ops/group", "Updated", Events.GROUP)),
        new Case(
            SeedFilterTest.PRODUCTION, Events.event("compute-ops/group", "Updated", Events.GROUP)),
        new Case(SeedFilterTest.JOBS, Events.event("compute-ops/job", "Updated", Events.JOB)),
        new Case(SeedFilterTest.OS_OUTDATED, Events.fleet(Events.FLEET_CALENDAR)),
        new Case(
            SeedFilterTest.FIRMWARE_JOB_RUNNING,
            Events.event("compute-ops/job", "Updated", Events.JOB)));
  }

  @Test
  void evaluationAllocatesNothingWithoutLambdas() {
    var threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
    var mx = (com.sun.management.ThreadMXBean) threads;
    assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
    long thread = Thread.currentThread().threadId();
    for (Case c : cases()) {
      CompiledFilter filter = FilterCompiler.compile(c.filter());
      run(filter, c.context(), 1_000);
      long before = mx.getThreadAllocatedBytes(thread);
      run(filter, c.context(), 10_000);
      long allocated = mx.getThreadAllocatedBytes(thread) - before;
      // Under a byte per evaluation: the odd allocation by the JVM itself, never one per call.
      // A lambda needs its variable frame, one small array per evaluation.
      long allowed = c.filter().contains("/any(") ? 10_000L * 32 : 10_000;
      assertTrue(allocated <= allowed, c.filter() + " allocated " + allocated + " bytes");
    }
  }

  private static int run(CompiledFilter filter, FilterContext context, int times) {
    int hits = 0;
    for (int i = 0; i < times; i++) {
      if (filter.matches(context)) {
        hits++;
      }
    }
    return hits;
  }
}
