package io.hookyard.console.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.console.api.Model.FilterCheck;
import org.junit.jupiter.api.Test;

class FilterPointerTest {

  @Test
  void theCaretStandsUnderTheColumnOnTheLineOfTheError() {
    String filter = "type eq 'a'\nand data/ü eq (";
    FilterPointer pointer =
        FilterPointer.of(filter, new FilterCheck(false, 2, 16, 27, "expected a value"));

    assertFalse(pointer.valid());
    assertEquals("and data/ü eq (", pointer.lineText());
    assertEquals(" ".repeat(15) + "^", pointer.caret());
    assertEquals("expected a value", pointer.reason());
  }

  @Test
  void aColumnPastTheEndOfTheLineStopsAtItsEnd() {
    FilterPointer pointer = FilterPointer.of("a eq", new FilterCheck(false, 1, 40, 4, "expected"));

    assertEquals("    ^", pointer.caret());
  }

  @Test
  void anEmptyFilterMatchesEverything() {
    FilterPointer pointer = FilterPointer.of("  ", null);

    assertTrue(pointer.valid());
    assertTrue(pointer.empty());
  }
}
