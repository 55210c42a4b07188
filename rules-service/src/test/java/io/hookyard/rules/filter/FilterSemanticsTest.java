package io.hookyard.rules.filter;

import static io.hookyard.rules.filter.Events.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operators, literals, functions, lambdas, precedence, and the null and mismatch rules. */
class FilterSemanticsTest {
  static final JsonNode DATA =
      json(
          """
          {
            "name": "esx-prod-07",
            "label": "  Rack 4  ",
            "quote": "it's",
            "count": 42,
            "big": 12345678901234567890123,
            "ratio": 0.75,
            "negative": -3,
            "enabled": true,
            "disabled": false,
            "nothing": null,
            "emoji": "a\\uD83D\\uDE00b",
            "seen": "2026-11-22T10:00:00Z",
            "seenLocal": "2026-11-22T11:00:00+01:00",
            "notADate": "yesterday",
            "tags": ["prod", "lyon", "esx"],
            "empty": [],
            "nested": {"a": {"b": {"c": "deep"}}},
            "disks": [
              {"slot": 1, "health": "OK", "sizeGb": 960},
              {"slot": 2, "health": "OK", "sizeGb": 960},
              {"slot": 3, "health": "DEGRADED", "sizeGb": 1920}
            ],
            "matrix": [[1, 2], [3, 4]]
          }
          """);

  static final FilterContext CTX = context(DATA, null);

  static FilterContext context(JsonNode data, JsonNode old) {
    Map<String, Object> envelope = new HashMap<>();
    envelope.put("type", "compute-ops/server");
    envelope.put("source", URI.create("/hooks/acme/hpe-com"));
    envelope.put("subject", "P28948-B21+CZ2311004H");
    envelope.put("operation", "Updated");
    envelope.put("vendor", "hpe-com");
    envelope.put("time", OffsetDateTime.parse("2026-11-22T12:00:00+01:00"));
    envelope.put("id", "evt_1");
    return FilterContext.of(envelope, data, old);
  }

  static boolean eval(String filter) {
    return FilterCompiler.compile(filter).matches(CTX);
  }

  static String tree(String filter) {
    return AstPrinter.print(FilterCompiler.compile(filter).root());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          name eq 'esx-prod-07'                 | true
          name eq 'ESX-PROD-07'                 | false
          name ne 'esx-prod-07'                 | false
          name ne 'other'                       | true
          name gt 'esx'                         | true
          name lt 'f'                           | true
          name ge 'esx-prod-07'                 | true
          name le 'esx-prod-06'                 | false
          count eq 42                           | true
          count eq 42.0                         | true
          count gt 41.5                         | true
          count ge 42                           | true
          count lt 42                           | false
          count le 42                           | true
          count ne 43                           | true
          ratio eq 0.75                         | true
          ratio lt 1                            | true
          ratio gt 0.7                          | true
          negative lt 0                         | true
          negative eq -3                        | true
          negative gt -3.5                      | true
          big gt 12345678901234567890122        | true
          big eq 12345678901234567890123        | true
          big gt 1e22                           | true
          big lt 1.3e22                         | true
          count lt 1e400                        | true
          count gt -1e400                       | true
          enabled eq true                       | true
          enabled eq True                       | true
          enabled eq TRUE                       | true
          disabled eq false                     | true
          disabled eq False                     | true
          enabled ne false                      | true
          enabled gt false                      | false
          enabled                               | true
          disabled                              | false
          not disabled                          | true
          true                                  | true
          false                                 | false
          """)
  void comparisons(String filter, boolean expected) {
    assertEquals(expected, eval(filter), filter);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          nothing eq null            | true
          missing eq null            | true
          new/a/b/c eq null          | true
          name eq null               | false
          nothing ne null            | false
          name ne null               | true
          missing ne 'x'             | true
          missing eq 'x'             | false
          missing gt 1               | false
          missing lt 1               | false
          missing ge null            | false
          missing le null            | false
          count gt null              | false
          null eq null               | true
          count eq '42'              | false
          count ne '42'              | true
          count gt '41'              | false
          count lt '43'              | false
          name eq 42                 | false
          name gt 1                  | false
          enabled eq 'true'          | false
          enabled eq 1               | false
          tags eq 'prod'             | false
          tags gt 1                  | false
          nested eq 'x'              | false
          nested/a/b/c eq 'deep'     | true
          name/first eq null         | true
          tags/first eq null         | true
          missing                    | false
          name                       | false
          """)
  void nullAndMismatch(String filter, boolean expected) {
    assertEquals(expected, eval(filter), filter);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          seen eq 2026-11-22T10:00:00Z                 | true
          seen eq 2026-11-22T11:00:00+01:00            | true
          seen eq 2026-11-22T10:00:00.000Z             | true
          seenLocal eq 2026-11-22T10:00:00Z            | true
          seen lt 2026-11-22T10:00:00.001Z             | true
          seen gt 2026-11-21T23:59:59.999999999-10:30  | false
          seen ge 2026-11-22T10:00:00Z                 | true
          seen eq '2026-11-22T10:00:00Z'               | true
          seenLocal eq '2026-11-22T10:00:00Z'          | false
          notADate gt 2026-01-01T00:00:00Z             | false
          notADate ne 2026-01-01T00:00:00Z             | true
          count gt 2026-01-01T00:00:00Z                | false
          missing lt 2026-01-01T00:00:00Z              | false
          time eq 2026-11-22T11:00:00Z                 | true
          time gt seen                                 | true
          time lt 2026-11-22T11:00:00.5Z               | true
          time eq '2026-11-22T12:00:00+01:00'          | true
          """)
  void dateTimesCompareAsInstants(String filter, boolean expected) {
    assertEquals(expected, eval(filter), filter);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          type eq 'compute-ops/server'            | true
          source eq '/hooks/acme/hpe-com'         | true
          subject eq 'P28948-B21+CZ2311004H'      | true
          operation in ('Created', 'Updated')     | true
          vendor eq 'hpe-com'                     | true
          id eq 'evt_1'                           | true
          new/type eq 'compute-ops/server'        | false
          """)
  void envelopeAttributes(String filter, boolean expected) {
    assertEquals(expected, eval(filter), filter);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          name in ('a', 'esx-prod-07')          | true
          name in ('a', 'b')                    | false
          count in (1, 42.0, 'x')               | true
          missing in (null)                     | true
          missing in ('x', 1)                   | false
          enabled in (true)                     | true
          """)
  void inLists(String filter, boolean expected) {
    assertEquals(expected, eval(filter), filter);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          contains(name, 'prod')                     | true
          contains(name, 'PROD')                     | false
          contains(name, '')                         | true
          contains(missing, 'x')                     | false
          contains(count, '4')                       | false
          contains(name, count)                      | false
          startswith(name, 'esx-')                   | true
          startswith(name, 'prod')                   | false
          endswith(name, '-07')                      | true
          endswith(name, 'esx')                      | false
          tolower('ABC') eq 'abc'                    | true
          toupper(name) eq 'ESX-PROD-07'             | true
          trim(label) eq 'Rack 4'                    | true
          length(name) eq 11                         | true
          length(emoji) eq 3                         | true
          length(tags) eq 3                          | true
          length(empty) eq 0                         | true
          length(count) eq null                      | true
          length(missing) eq null                    | true
          length(trim(label)) gt 5                   | true
          quote eq 'it''s'                           | true
          contains(quote, '''')                      | true
          matchesPattern(name, '^esx-[a-z]+-[0-9]+$') | true
          matchesPattern(name, 'prod')               | true
          matchesPattern(name, '^prod')              | false
          matchesPattern(count, '4')                 | false
          matchesPattern(missing, '.*')              | false
          MatchesPattern(name, '(?i)ESX')            | true
          CONTAINS(name, 'prod')                     | true
          contains(name, 'prod') eq true             | true
          contains(name, 'nope') eq false            | true
          startsWith(name, 'esx') ne endsWith(name, 'x') | true
          """)
  void functions(String filter, boolean expected) {
    assertEquals(expected, eval(filter), filter);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          tags/any(t: t eq 'prod')                                   | true
          tags/any(t: t eq 'paris')                                  | false
          tags/all(t: length(t) eq 3 or length(t) eq 4)              | true
          tags/all(t: t ne 'lyon')                                   | false
          tags/any()                                                 | true
          empty/any()                                                | false
          missing/any()                                              | false
          name/any()                                                 | false
          empty/any(t: true)                                         | false
          empty/all(t: false)                                        | true
          missing/all(t: true)                                       | false
          disks/any(d: d/health ne 'OK')                             | true
          disks/all(d: d/health eq 'OK')                             | false
          disks/all(d: d/sizeGb ge 960)                              | true
          disks/any(d: d/health eq 'DEGRADED' and d/sizeGb gt 1000)  | true
          disks/any(d: d/health eq 'DEGRADED' and d/sizeGb lt 1000)  | false
          new/disks/any(d: d/slot eq 2)                              | true
          not disks/any(d: d/slot eq 9)                              | true
          matrix/any(row: row/any(x: x eq 4))                        | true
          matrix/all(row: row/any(x: x eq 4))                        | false
          matrix/any(row: row/all(x: x lt 3))                        | true
          disks/any(d: tags/any(t: t eq 'prod') and d/slot eq 1)     | true
          disks/any(d: d/health eq name)                             | false
          disks/any(d: disks/any(e: e/slot ne d/slot and e/sizeGb eq d/sizeGb)) | true
          tags/any(type: type eq 'esx')                              | true
          """)
  void lambdas(String filter, boolean expected) {
    assertEquals(expected, eval(filter), filter);
  }

  @Test
  void precedence() {
    assertEquals(
        "((new/a eq 1) or ((new/b eq 2) and (new/c eq 3)))", tree("a eq 1 or b eq 2 and c eq 3"));
    assertEquals(
        "(((new/a eq 1) or (new/b eq 2)) and (new/c eq 3))", tree("(a eq 1 or b eq 2) and c eq 3"));
    assertEquals("((not (new/a eq 1)) and (new/b eq 2))", tree("not (a eq 1) and b eq 2"));
    assertEquals("((not (new/a)) or new/b)", tree("not a or b"));
    assertEquals("(not (not (contains(new/a, 'x'))))", tree("not not contains(a, 'x')"));
    assertEquals(
        "((new/a eq 1) and (new/b eq 2) and (new/c eq 3))", tree("a eq 1 and b eq 2 and c eq 3"));
    assertEquals("(new/a eq 1)", tree("((((a eq 1))))"));
    assertEquals("(new/a eq new/b)", tree("(a) eq (b)"));
    // and binds tighter than or, whatever the order of writing.
    assertTrue(eval("count eq 1 and name eq 'x' or enabled"));
    assertTrue(eval("enabled or count eq 1 and name eq 'x'"));
    assertFalse(eval("(enabled or count eq 1) and name eq 'x'"));
    assertTrue(eval("not disabled and enabled"));
    assertFalse(eval("not (disabled or enabled)"));
  }

  @Test
  void notBindsTighterThanAComparisonSoNegatingOneNeedsParentheses() {
    FilterSyntaxException e =
        assertThrows(FilterSyntaxException.class, () -> FilterCompiler.compile("not name eq 'x'"));
    assertEquals(10, e.column());
    assertTrue(e.getMessage().contains("write not (a eq b)"), e.getMessage());
    assertTrue(eval("not (name eq 'x')"));
  }

  @Test
  void literalsAndKeywordsAreCaseInsensitive() {
    assertTrue(eval("name EQ 'esx-prod-07' AND count Gt 1 OR Not enabled"));
    assertTrue(eval("nothing eq NULL"));
  }

  @Test
  void reservedWordsAndRootsCanBeReachedThroughNew() {
    JsonNode data = json("{\"and\": 1, \"new\": {\"x\": 2}, \"type\": \"t\", \"true\": true}");
    FilterContext ctx = context(data, null);
    assertTrue(FilterCompiler.compile("new/and eq 1").matches(ctx));
    assertTrue(FilterCompiler.compile("new/new/x eq 2").matches(ctx));
    assertTrue(FilterCompiler.compile("new/type eq 't'").matches(ctx));
    assertTrue(FilterCompiler.compile("new/true").matches(ctx));
    assertTrue(FilterCompiler.compile("new/any eq null").matches(ctx));
  }

  @Test
  void changedComparesOldAndNewDeeply() {
    JsonNode old =
        json(
            "{\"a\": {\"x\": 1, \"y\": [1, 2]}, \"b\": \"same\", \"n\": 1, \"gone\": 5, \"nul\": null}");
    JsonNode now =
        json("{\"a\": {\"y\": [1, 2], \"x\": 1.0}, \"b\": \"same\", \"n\": 2, \"new\": 5}");
    FilterContext ctx = context(now, old);
    assertFalse(FilterCompiler.compile("changed/a").matches(ctx), "member order, 1 vs 1.0");
    assertFalse(FilterCompiler.compile("changed/b eq true").matches(ctx));
    assertTrue(FilterCompiler.compile("changed/n eq true").matches(ctx));
    assertTrue(FilterCompiler.compile("changed/gone").matches(ctx), "present -> absent");
    assertTrue(FilterCompiler.compile("changed/new").matches(ctx), "absent -> present");
    assertFalse(FilterCompiler.compile("changed/nul").matches(ctx), "null and absent are alike");
    assertFalse(FilterCompiler.compile("changed/never").matches(ctx));
    assertTrue(FilterCompiler.compile("changed").matches(ctx), "the whole snapshot");
    assertTrue(FilterCompiler.compile("changed/b eq false").matches(ctx));
    JsonNode reordered = json("{\"a\": {\"y\": [2, 1], \"x\": 1}}");
    assertTrue(FilterCompiler.compile("changed/a/y").matches(context(reordered, old)));
  }

  @Test
  void withoutOldStateNothingHasChanged() {
    FilterContext created = context(DATA, null);
    assertFalse(FilterCompiler.compile("changed/name").matches(created));
    assertTrue(FilterCompiler.compile("changed/name eq false").matches(created));
    assertTrue(FilterCompiler.compile("old/name eq null").matches(created));
    assertFalse(created.hasOldState());
    // A JSON null as the old state is no old state either.
    assertFalse(context(DATA, json("null")).hasOldState());
    Explanation why = FilterCompiler.compile("changed/name eq true").explain(created);
    assertEquals("changed/name is false (the event has no previous state)", why.detail());
  }

  @Test
  void needsOldStateTellsWhetherToLoadIt() {
    assertTrue(FilterCompiler.compile(SeedFilterTest.POWER_OFF).needsOldState());
    assertTrue(FilterCompiler.compile(SeedFilterTest.GROUP_OLD_NAME).needsOldState());
    assertFalse(FilterCompiler.compile(SeedFilterTest.GROUP_NOT_COMPLIANT).needsOldState());
    assertFalse(FilterCompiler.compile(SeedFilterTest.OS_OUTDATED).needsOldState());
  }

  @Test
  void explainReportsTheFirstFailingLeaf() {
    CompiledFilter f =
        FilterCompiler.compile(
            "type eq 'compute-ops/server' and\n  (count gt 100 or enabled)\n  and name eq 'x'");
    Explanation why = f.explain(CTX);
    assertNotNull(why);
    assertEquals("name eq 'x'", why.clause());
    assertEquals(3, why.line());
    assertEquals(7, why.column());
    assertEquals("name is 'esx-prod-07'", why.detail());
    assertEquals("line 3, column 7: name eq 'x' is false: name is 'esx-prod-07'", why.toString());

    Explanation or = FilterCompiler.compile("count gt 100 or disabled").explain(CTX);
    assertEquals("count gt 100 or disabled", or.clause());
    assertEquals("none of the 2 alternatives holds", or.detail());

    Explanation all = FilterCompiler.compile("disks/all(d: d/health eq 'OK')").explain(CTX);
    assertEquals("d/health eq 'OK'", all.clause());
    assertEquals("in element 2 of disks: d/health is 'DEGRADED'", all.detail());

    assertNull(FilterCompiler.compile("count eq 42").explain(CTX));
  }

  @Test
  void decimalsKeepTheirPrecision() {
    JsonNode data = json("{\"price\": 0.1}");
    FilterContext ctx = context(data, null);
    assertTrue(FilterCompiler.compile("price eq 0.1").matches(ctx));
    assertTrue(FilterCompiler.compile("price lt 0.10000000000000000001").matches(ctx));
    FilterContext bigCtx =
        context(
            Events.MAPPER.valueToTree(Map.of("v", new BigDecimal("0.30000000000000000001"))), null);
    assertTrue(FilterCompiler.compile("v gt 0.3").matches(bigCtx));
    assertTrue(FilterCompiler.compile("v lt 0.30000000000000000002").matches(bigCtx));
  }

  @Test
  void theCacheReturnsTheSameCompiledFilter() {
    String text = "name eq 'cached " + System.nanoTime() + "'";
    assertSame(FilterCompiler.compile(text), FilterCompiler.compile(text));
  }

  @Test
  void envelopeFromACloudEvent() {
    io.cloudevents.CloudEvent event =
        io.cloudevents.core.builder.CloudEventBuilder.v1()
            .withId("evt_01JDQ3ZK7Y5N8X2V4B6C9D0E1F")
            .withType("compute-ops/server")
            .withSource(URI.create("/hooks/acme/hpe-com"))
            .withSubject("P28948-B21+CZ2311004H")
            .withTime(OffsetDateTime.parse("2026-11-22T11:58:08.120Z"))
            .withExtension("operation", "Updated")
            .withExtension("vendor", "hpe-com")
            .build();
    FilterContext ctx = new FilterContext(FilterContext.envelope(event), DATA, null);
    assertTrue(
        FilterCompiler.compile(
                "type eq 'compute-ops/server' and source eq '/hooks/acme/hpe-com'"
                    + " and subject eq 'P28948-B21+CZ2311004H' and operation eq 'Updated'"
                    + " and vendor eq 'hpe-com' and id eq 'evt_01JDQ3ZK7Y5N8X2V4B6C9D0E1F'"
                    + " and time eq 2026-11-22T12:58:08.12+01:00")
            .matches(ctx));
  }

  @Test
  void contextNormalisesTheEnvelope() {
    Map<String, Object> envelope = new HashMap<>();
    envelope.put("type", "t");
    envelope.put("subject", null);
    envelope.put("id", 7);
    FilterContext ctx = new FilterContext(envelope, null, null);
    assertEquals(Map.of("type", "t", "id", 7L), ctx.envelope());
    assertTrue(FilterCompiler.compile("id eq 7 and subject eq null and name eq null").matches(ctx));
    assertThrows(UnsupportedOperationException.class, () -> ctx.envelope().put("x", "y"));
  }
}
