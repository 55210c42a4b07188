package io.hookyard.rules.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterDateTimeTest {
  final ObjectMapper json = new ObjectMapper();

  @Test
  void dateTimesWithoutSecondsCompareAsInstants() throws Exception {
    var context =
        FilterContext.of(
            Map.of(),
            json.readTree("{\"t\":\"2026-11-22T10:00Z\",\"u\":\"2026-11-22T12:00+02:00\"}"));
    assertTrue(FilterCompiler.compile("new/t ge 2026-11-22T09:00Z").matches(context));
    assertFalse(FilterCompiler.compile("new/t gt 2026-11-22T10:00:00Z").matches(context));
    // 12:00 at +02:00 is 10:00 UTC: the same instant.
    assertTrue(FilterCompiler.compile("new/u eq 2026-11-22T10:00:00Z").matches(context));
  }
}
