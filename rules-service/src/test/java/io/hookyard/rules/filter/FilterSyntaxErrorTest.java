package io.hookyard.rules.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error messages with their positions, and the limits. */
class FilterSyntaxErrorTest {

  static FilterSyntaxException error(String filter) {
    return assertThrows(FilterSyntaxException.class, () -> FilterCompiler.compile(filter), filter);
  }

  static FilterSyntaxException error(String filter, FilterLimits limits) {
    return assertThrows(
        FilterSyntaxException.class, () -> FilterCompiler.compile(filter, limits), "limits");
  }

  static void assertError(String filter, int line, int column, String message) {
    FilterSyntaxException e = error(filter);
    assertEquals("line " + line + ", column " + column + ": " + message, e.getMessage(), filter);
    assertEquals(line, e.line());
    assertEquals(column, e.column());
    assertEquals(message, e.reason());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          type eq 'compute-ops/server' and (old/x eq 'ON' and  | 1 | 52 | expected a value, a path or '(' but found end of input
          (type eq 'compute-ops/server' type                    | 1 | 31 | expected ')' but found 'type'
          operation in ('Created', 'Updated' and               | 1 | 36 | expected ',' or ')' but found 'and'
          type eq 'x' name eq 'y'                              | 1 | 13 | expected 'and', 'or' or end of input but found 'name'
          a eq 1)                                              | 1 | 7  | expected 'and', 'or' or end of input but found ')'
          a eq                                                 | 1 | 5  | expected a value, a path or '(' but found end of input
          not                                                  | 1 | 4  | expected a value, a path or '(' but found end of input
          type eq 'x' and 'y'                                  | 1 | 17 | expected a condition but found ''y''; compare it with eq, ne, gt, ge, lt, le or in
          type                                                 | 1 | 1  | expected a condition but found 'type'; compare it with eq, ne, gt, ge, lt, le or in
          tolower(name)                                        | 1 | 1  | expected a condition but found 'tolower(name)'; compare it with eq, ne, gt, ge, lt, le or in
          type eq and                                          | 1 | 9  | expected a value, a path or '(' but found 'and'
          foo(name)                                            | 1 | 1  | unknown function 'foo'; the functions are contains, startswith, endswith, tolower, toupper, trim, length, matchesPattern
          contains(name)                                       | 1 | 1  | contains takes 2 arguments but was given 1
          length(a, b) eq 1                                    | 1 | 1  | length takes 1 argument but was given 2
          contains(name, 'x'                                   | 1 | 19 | expected ',' or ')' but found end of input
          matchesPattern(name, type)                           | 1 | 22 | the pattern of matchesPattern must be a string literal, such as '^srv-[0-9]+$'
          matchesPattern(name, 'a(b')                          | 1 | 22 | invalid regular expression: error parsing regexp: missing closing ): `a(b`
          type/x eq 1                                          | 1 | 5  | 'type' is an envelope attribute and has no members; write new/type/... for a member of the event's data
          new/ eq 1                                            | 1 | 5  | expected a member name right after '/' but found a space
          new/'x' eq 1                                         | 1 | 5  | expected a member name right after '/' but found string 'x'
          tags/all()                                           | 1 | 10 | all() needs a condition, as in all(x: x/state eq 'OK')
          tags/any(t t eq 'a')                                 | 1 | 12 | expected ':' after the variable name but found 't'
          tags/any('t': true)                                  | 1 | 10 | expected a variable name, as in any(x: x/name eq 'a') or any(), but found string 't'
          tags/any(new: true)                                  | 1 | 10 | 'new' cannot be a variable name
          tags/any(t: t/any(t: true))                          | 1 | 19 | the variable 't' is already in use by an enclosing lambda
          changed/name/any()                                   | 1 | 1  | any() needs an array, but changed/name is never an array
          not name eq 'x'                                      | 1 | 10 | expected 'and', 'or', ')' or end of input but found 'eq'; not binds tighter than eq, so write not (a eq b) to negate a comparison
          type = 'x'                                           | 1 | 6  | unexpected character '='; compare with eq, ne, gt, ge, lt or le
          a eq 1 && b eq 2                                     | 1 | 8  | unexpected character '&'; combine conditions with and, or, not
          hardware.powerState eq 'ON'                          | 1 | 9  | unexpected character '.'; members are separated with '/', as in hardware/powerState
          type eq 'compute-ops/server                          | 1 | 9  | unterminated string: expected a closing ' (write '' for a quote)
          count eq 1.                                          | 1 | 12 | expected a digit after the decimal point
          count eq 12abc                                       | 1 | 10 | invalid number '12a'
          count eq 1e+                                         | 1 | 11 | expected digits in the exponent of the number
          time gt 2026-11-22                                   | 1 | 9  | a date-time needs a time and an offset, such as 2026-11-22T10:00:00Z, but found '2026-11-22'
          time gt 2026-11-22T10:00:00                          | 1 | 9  | invalid date-time '2026-11-22T10:00:00': expected ISO-8601 with an offset, such as 2026-11-22T10:00:00Z or 2026-11-22T11:00:00.5+01:00
          time gt 2026-13-22T10:00:00Z                         | 1 | 9  | invalid date-time '2026-13-22T10:00:00Z': expected ISO-8601 with an offset, such as 2026-11-22T10:00:00Z or 2026-11-22T11:00:00.5+01:00
          a in ()                                              | 1 | 7  | expected a literal value but found ')'
          a in (b)                                             | 1 | 7  | expected a literal value but found 'b'
          """)
  void errorsSayWhereAndWhat(String filter, int line, int column, String message) {
    assertError(filter, line, column, message);
  }

  @Test
  void doubleQuotes() {
    assertError(
        "type eq \"x\"",
        1,
        9,
        "unexpected character '\"'; strings are written in single quotes: 'text'");
  }

  @Test
  void invisibleCharactersAreNamedByCodePoint() {
    assertError("a eq\u00A01", 1, 5, "unexpected character U+00A0");
    assertError("a eq 1\u0000", 1, 7, "unexpected character U+0000");
    assertError("a eq \uD800", 1, 6, "unexpected character U+D800");
  }

  @Test
  void emptyFilters() {
    assertError("", 1, 1, "expected a condition but found end of input");
    assertError("   ", 1, 4, "expected a condition but found end of input");
    assertError(null, 1, 1, "expected a condition but found end of input");
  }

  @Test
  void positionsCountLinesAndCodePoints() {
    assertError(
        "type eq 'compute-ops/server'\n  and (name eq 'y'\n  or",
        3,
        5,
        "expected a value, a path or '(' but found end of input");
    // The emoji is two chars but one column.
    assertError(
        "name eq '\uD83D\uDE00' and x = 1",
        1,
        19,
        "unexpected character '='; compare with eq, ne, gt, ge, lt or le");
    FilterSyntaxException e = error("a eq 1 and\r\n b eq");
    assertEquals(2, e.line());
    assertEquals(6, e.column());
    assertEquals(17, e.offset());
  }

  @Test
  void regexesThatWouldBlowUpTheCompilerAreRefused() {
    FilterSyntaxException big =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> error("matchesPattern(name, '((a{1000}){1000}){1000}')"));
    assertEquals(22, big.column());
    assertTrue(
        big.reason().startsWith("regular expression rejected: it is too large"), big.reason());
    FilterSyntaxException deep =
        error("matchesPattern(name, '" + "(".repeat(1500) + "a" + ")".repeat(1500) + "')");
    assertEquals(
        "regular expression rejected: it nests groups deeper than 100 levels", deep.reason());
    // Ordinary patterns, even with counted repetitions and classes, are fine.
    FilterCompiler.compile("matchesPattern(name, '^[a-z]{3,10}-[0-9]{1,4}(\\.[a-z]+){0,5}$')");
    FilterCompiler.compile("matchesPattern(name, '[[:alpha:]]+\\p{Greek}*\\x{1F600}?[]a]')");
  }

  @Test
  void maxLength() {
    String longest = "name eq '" + "x".repeat(4_096 - 10) + "'";
    assertEquals(4_096, longest.length());
    FilterCompiler.compile(longest);
    FilterSyntaxException e = error(longest + " ");
    assertEquals(
        "the filter is 4097 characters long, over the limit of 4096 (maxLength)", e.reason());
    assertEquals(4_097, e.column());
  }

  @Test
  void maxDepth() {
    FilterCompiler.compile("(".repeat(32) + "a" + ")".repeat(32));
    FilterSyntaxException parens = error("(".repeat(33) + "a" + ")".repeat(33));
    assertEquals(33, parens.column());
    assertEquals("the filter nests deeper than the limit of 32 levels (maxDepth)", parens.reason());
    error("not ".repeat(33) + "a");
    error("tolower(".repeat(33) + "a" + ")".repeat(33) + " eq 'a'");
    StringBuilder lambdas = new StringBuilder("a");
    for (int i = 0; i < 33; i++) {
      lambdas.append("/any(v").append(i).append(": v").append(i);
    }
    lambdas.append(" eq 1").append(")".repeat(33));
    assertTrue(error(lambdas.toString()).reason().endsWith("(maxDepth)"));
  }

  @Test
  void tenThousandNestedParenthesesFailCleanly() {
    String deep = "(".repeat(10_000) + "a eq 1" + ")".repeat(10_000);
    // Over the default length limit first...
    assertTrue(error(deep).reason().endsWith("(maxLength)"));
    // ...and, with the length limit lifted, the depth guard in the parser still stops it.
    FilterLimits longText = new FilterLimits(1_000_000, 32, 512);
    FilterSyntaxException e = error(deep, longText);
    assertTrue(e.reason().endsWith("(maxDepth)"));
    assertEquals(33, e.column());
    assertTrue(error("not ".repeat(10_000) + "a", longText).reason().endsWith("(maxDepth)"));
    assertTrue(error("(".repeat(10_000), longText).reason().endsWith("(maxDepth)"));
    assertTrue(
        error("tolower(".repeat(10_000) + "a" + ")".repeat(10_000), longText)
            .reason()
            .endsWith("(maxDepth)"));
  }

  @Test
  void maxNodes() {
    // Each comparison is three nodes (path, operator, literal), plus one for the whole and.
    String many = "a eq 1 and ".repeat(169) + "a eq 1";
    FilterCompiler.compile(many);
    assertEquals(511, FilterCompiler.compile(many).nodeCount());
    String tooMany = "a eq 1 and ".repeat(170) + "a eq 1";
    FilterSyntaxException e = error(tooMany);
    assertEquals("the filter has more than 512 syntax nodes (maxNodes)", e.reason());
    FilterSyntaxException inList = error("a in (" + "1, ".repeat(600) + "1)");
    assertTrue(inList.reason().endsWith("(maxNodes)"));
  }

  @Test
  void customLimits() {
    FilterLimits tight = new FilterLimits(20, 2, 5);
    assertTrue(error("name eq 'a-rather-long-name'", tight).reason().endsWith("(maxLength)"));
    assertTrue(error("(((a)))", tight).reason().endsWith("(maxDepth)"));
    assertTrue(error("a eq 1 and b eq 2", tight).reason().endsWith("(maxNodes)"));
    assertThrows(IllegalArgumentException.class, () -> new FilterLimits(0, 1, 1));
  }
}
