package io.hookyard.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsCarryTheirPrefixAndAreWellFormed() {
    String id = Ids.newId(Ids.EVENT);
    assertTrue(id.startsWith("evt_"), id);
    assertEquals(30, id.length());
    assertTrue(Ids.isValid(Ids.EVENT, id));
    assertFalse(Ids.isValid(Ids.DELIVERY, id));
    assertFalse(Ids.isValid(Ids.EVENT, "evt_not-a-ulid"));
  }

  @Test
  void idsSortByCreationTime() {
    Clock earlier = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Clock later = Clock.fixed(Instant.parse("2026-01-01T00:00:00.001Z"), ZoneOffset.UTC);
    String first = Ids.newId(Ids.EVENT, earlier);
    String second = Ids.newId(Ids.EVENT, later);
    assertTrue(first.compareTo(second) < 0, first + " should sort before " + second);
  }

  @Test
  void theTimePartEncodesMilliseconds() {
    // 0 ms is all zeros; the largest 48-bit value is 7ZZZZZZZZZ.
    assertTrue(Ids.ulid(0, 0, 0).startsWith("0000000000"));
    assertTrue(Ids.ulid((1L << 48) - 1, 0, 0).startsWith("7ZZZZZZZZZ"));
    assertNotEquals(Ids.ulid(5, 1, 2), Ids.ulid(5, 1, 3));
  }
}
