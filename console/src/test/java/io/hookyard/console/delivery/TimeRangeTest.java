package io.hookyard.console.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookyard.console.api.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void withoutARangeThePageShowsTheLastDayByTheHour() {
    TimeRange range = TimeRange.of(null, "", NOW);

    assertEquals(Instant.parse("2026-11-21T12:00:00Z"), range.since());
    assertNull(range.until());
    assertEquals("hour", range.period(NOW));
  }

  @Test
  void formFieldsAreUtcAndLongRangesGoByTheDay() {
    TimeRange range = TimeRange.of("2026-11-01T08:30", "2026-11-20T00:00:00Z", NOW);

    assertEquals(Instant.parse("2026-11-01T08:30:00Z"), range.since());
    assertEquals(Instant.parse("2026-11-20T00:00:00Z"), range.until());
    assertEquals("day", range.period(NOW));
  }

  @Test
  void somethingThatIsNotATimeIsABadRequest() {
    ApiException refused =
        assertThrows(ApiException.class, () -> TimeRange.of("yesterday", null, NOW));

    assertEquals(400, refused.status());
  }
}
