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
  void aRetypedIdKeepsItsTimeOrderedPartUnderTheNewPrefix() {
    String event = Ids.newId(Ids.EVENT);
    String request = Ids.retyped(Ids.REQUEST, event);
    assertTrue(Ids.isValid(Ids.REQUEST, request), request);
    assertEquals(event.substring(4), request.substring(4));
    assertEquals(event, Ids.retyped(Ids.EVENT, request));
  }

  @Test
  void theTimePartEncodesMilliseconds() {
    // 0 ms is all zeros; the largest 48-bit value is 7ZZZZZZZZZ.
    assertTrue(Ids.ulid(0, 0, 0).startsWith("0000000000"));
    assertTrue(Ids.ulid((1L << 48) - 1, 0, 0).startsWith("7ZZZZZZZZZ"));
    assertNotEquals(Ids.ulid(5, 1, 2), Ids.ulid(5, 1, 3));
  }

  @Test
  void theLowestIdOfAMomentBoundsTheIdsMadeBeforeAndFromIt() {
    Instant at = Instant.parse("2026-11-23T05:00:00.123Z");
    String lowest = Ids.lowestAt(Ids.REQUEST, at);
    for (int i = 0; i < 100; i++) {
      String before = Ids.newId(Ids.REQUEST, Clock.fixed(at.minusMillis(1), ZoneOffset.UTC));
      String same = Ids.newId(Ids.REQUEST, Clock.fixed(at, ZoneOffset.UTC));
      String after = Ids.newId(Ids.REQUEST, Clock.fixed(at.plusSeconds(1), ZoneOffset.UTC));
      assertTrue(before.compareTo(lowest) < 0, before + " before " + lowest);
      assertTrue(same.compareTo(lowest) >= 0, same + " from " + lowest);
      assertTrue(after.compareTo(lowest) > 0, after + " after " + lowest);
    }
    assertTrue(Ids.isValid(Ids.REQUEST, lowest));
  }
}
