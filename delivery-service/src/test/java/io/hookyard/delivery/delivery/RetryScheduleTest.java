package io.hookyard.delivery.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  final RetrySchedule schedule =
      new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5)), 0.2);

  @Test
  void waitsStayWithinTheJitterOfTheSchedule() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      long millis = schedule.waitAfter(1, random).orElseThrow().toMillis();
      assertTrue(millis >= 4000 && millis <= 6000, "5 s ± 20%: " + millis);
    }
    assertEquals(Duration.ZERO, schedule.waitAfter(0, random).orElseThrow());
  }

  @Test
  void theScheduleEndsAfterItsLastEntry() {
    assertTrue(schedule.waitAfter(2, new Random(1)).isPresent());
    assertTrue(schedule.waitAfter(3, new Random(1)).isEmpty());
    assertEquals(3, schedule.maxAttempts());
  }
}
