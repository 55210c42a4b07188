package io.hookyard.rules.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property-based tests (jqwik): whatever the text, the compiler either returns a filter or throws
 * {@link FilterSyntaxException} with a valid position; nothing else escapes, and a compiled filter
 * never throws when evaluated. Compiled filters also survive a print-and-reparse round trip.
 */
class FilterPropertiesTest {
  /** Characters that matter to the lexer, so that random text reaches deep into the parser. */
  private static final String ALPHABET =
      "abcdegilnoqrstuwxyzTZE_0123456789 ()/,:'\"-+.eqneltgtandornotin\n\t=!&|$@\\é😀";

  private static final FilterLimits ROOMY = new FilterLimits(1 << 20, 1_000, 1 << 20);

  private static final List<FilterContext> CONTEXTS =
      List.of(
          Events.event(
              "compute-ops/server",
              "Updated",
              Events.with(Events.SERVER, "hardware/powerState", "OFF"),
              Events.SERVER),
          Events.event("compute-ops/group", "Created", Events.GROUP),
          Events.event("compute-ops/job", "Updated", Events.JOB, Events.JOB),
          Events.fleet(Events.FLEET_CALENDAR),
          Events.fleet(Events.json("[1, \"two\", null, {\"p\": [true]}]")),
          Events.fleet(Events.json("{\"name\": 3, \"p\": {\"name\": [1, 2]}, \"x\": \"\"}")),
          new FilterContext(Map.of(), null, null));

  @Property(tries = 1000)
  void anyStringCompilesOrFailsWithAPosition(@ForAll String text) {
    check(text);
  }

  @Property(tries = 2000)
  void lexerAlphabetSoupCompilesOrFailsWithAPosition(@ForAll("soup") String text) {
    check(text);
  }

  @Property(tries = 3000)
  void mutatedSeedFiltersCompileOrFailWithAPosition(@ForAll("mutatedSeeds") String text) {
    check(text);
  }

  @Property(tries = 3000)
  void tokenSoupCompilesOrFailsWithAPosition(@ForAll("tokenSoup") String text) {
    check(text);
  }

  @Property(tries = 2000)
  void wellFormedFiltersCompileAndRoundTrip(@ForAll("wellFormed") String text) {
    FilterCompiler.compile(text, FilterLimits.DEFAULT);
    check(text);
  }

  @Property(tries = 2000)
  void anyRegexCompilesOrFailsWithAPosition(@ForAll("regexes") String regex) {
    check("matchesPattern(name, '" + regex.replace("'", "''") + "')");
  }

  @Provide
  Arbitrary<String> regexes() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withChars("()[]{}|*+?.^$\\-,:0123456789aAzZpPxQE'").ofMaxLength(60));
  }

  /** Compiles {@code text}; checks the error's position or the compiled filter's behaviour. */
  private static void check(String text) {
    CompiledFilter filter;
    try {
      filter = FilterCompiler.compile(text, FilterLimits.DEFAULT);
    } catch (FilterSyntaxException e) {
      assertTrue(e.line() >= 1, "line");
      assertTrue(e.column() >= 1, "column");
      assertTrue(e.offset() >= 0 && e.offset() <= text.length(), "offset");
      assertEquals(SourcePosition.line(text, e.offset()), e.line());
      assertEquals(SourcePosition.column(text, e.offset()), e.column());
      assertEquals(
          "line " + e.line() + ", column " + e.column() + ": " + e.reason(), e.getMessage());
      assertTrue(!e.reason().isBlank(), "reason");
      return;
    }
    // Print it back fully parenthesised: it must parse to the same tree and behave the same.
    String printed = AstPrinter.print(filter.root());
    CompiledFilter reparsed = FilterCompiler.compile(printed, ROOMY);
    assertEquals(printed, AstPrinter.print(reparsed.root()), text);
    for (FilterContext context : CONTEXTS) {
      boolean matches = filter.matches(context);
      assertEquals(matches, reparsed.matches(context), printed);
      Explanation why = filter.explain(context);
      assertEquals(matches, why == null, text);
      if (why != null) {
        assertTrue(text.startsWith(why.clause(), why.offset()), why.toString());
        assertEquals(SourcePosition.column(text, why.offset()), why.column());
      }
    }
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.strings()
        .withChars(ALPHABET.replace("😀", "").toCharArray())
        .withChars('\uD83D', '\uDE00')
        .ofMaxLength(120);
  }

  @Provide
  Arbitrary<String> mutatedSeeds() {
    Arbitrary<Character> chars =
        Arbitraries.oneOf(
            Arbitraries.of(ALPHABET.replace("😀", "").chars().mapToObj(c -> (char) c).toList()),
            Arbitraries.chars());
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.of(Edit.values()), Arbitraries.integers().between(0, 200), chars)
            .as(Mutation::new);
    return Combinators.combine(
            Arbitraries.of(SeedFilterTest.ALL), mutation.list().ofMinSize(1).ofMaxSize(6))
        .as(FilterPropertiesTest::mutate);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    Arbitrary<String> token =
        Arbitraries.of(
            "and",
            "or",
            "not",
            "eq",
            "ne",
            "gt",
            "ge",
            "lt",
            "le",
            "in",
            "(",
            ")",
            "(",
            ")",
            ",",
            "/",
            ":",
            "'x'",
            "'it''s'",
            "''",
            "42",
            "-1.5",
            "1e3",
            "1e400",
            "0.1",
            "99999999999999999999",
            "true",
            "True",
            "false",
            "null",
            "2026-11-22T10:00:00Z",
            "2026-11-22T11:00:00.5+01:00",
            "type",
            "operation",
            "name",
            "new",
            "old",
            "changed",
            "new/name",
            "old/hardware/powerState",
            "changed/hardware/powerState",
            "hardware",
            "powerState",
            "failing_policies",
            "p",
            "p/name",
            "x",
            "any",
            "all",
            "any(",
            "all(",
            "/any(",
            "/all(",
            "/any(p:",
            "/all(x:",
            "/any()",
            "contains(",
            "startswith(",
            "endswith(",
            "tolower(",
            "toupper(",
            "trim(",
            "length(",
            "matchesPattern(",
            "'^a.*$'",
            "'('",
            "'compute-ops/server'",
            "'ON'",
            "name eq 'x'",
            "tags/any(t: t eq 'prod')",
            "failing_policies/any(p: p/name eq 'x')");
    Arbitrary<String> spaced = token.flatMap(t -> Arbitraries.of(t, t + " ", " " + t + " "));
    return spaced.list().ofMinSize(1).ofMaxSize(25).map(parts -> String.join("", parts));
  }

  /** Filters from the grammar, so that compiled filters with every kind of node get checked. */
  @Provide
  Arbitrary<String> wellFormed() {
    return condition(4);
  }

  private static final List<String> PATHS =
      List.of(
          "name",
          "new/name",
          "old/name",
          "changed/name",
          "hardware/powerState",
          "old/hardware/powerState",
          "changed/hardware/powerState",
          "state/connected",
          "type",
          "operation",
          "time",
          "p",
          "p/name",
          "v1/name",
          "v2",
          "count",
          "nothing");

  private static final List<String> COLLECTIONS =
      List.of("failing_policies", "tags", "firmwareInventory", "new/devices", "p", "v1", "v2/p");

  private static final List<String> LITERALS =
      List.of(
          "'ON'",
          "'OFF'",
          "'esx'",
          "''",
          "'it''s'",
          "'compute-ops/server'",
          "42",
          "-1.5",
          "0.1",
          "1e400",
          "true",
          "False",
          "null",
          "2026-11-22T10:00:00Z");

  private Arbitrary<String> operand() {
    Arbitrary<String> path = Arbitraries.of(PATHS);
    return Arbitraries.frequencyOf(
        Tuple.of(4, path),
        Tuple.of(3, Arbitraries.of(LITERALS)),
        Tuple.of(
            1,
            Combinators.combine(Arbitraries.of("tolower", "toupper", "trim", "length"), path)
                .as((f, a) -> f + "(" + a + ")")));
  }

  private Arbitrary<String> leaf() {
    Arbitrary<String> compare =
        Combinators.combine(
                operand(), Arbitraries.of("eq", "ne", "gt", "ge", "lt", "le"), operand())
            .as((a, op, b) -> a + " " + op + " " + b);
    Arbitrary<String> function =
        Combinators.combine(
                Arbitraries.of("contains", "startswith", "endswith"), operand(), operand())
            .as((f, a, b) -> f + "(" + a + ", " + b + ")");
    Arbitrary<String> pattern =
        operand().map(a -> "matchesPattern(" + a + ", '^[a-z]+(-[0-9]{1,3})?$')");
    Arbitrary<String> in =
        Combinators.combine(operand(), Arbitraries.of(LITERALS).list().ofMinSize(1).ofMaxSize(4))
            .as((a, list) -> a + " in (" + String.join(", ", list) + ")");
    return Arbitraries.frequencyOf(
        Tuple.of(6, compare),
        Tuple.of(2, function),
        Tuple.of(1, pattern),
        Tuple.of(1, in),
        Tuple.of(1, Arbitraries.of(COLLECTIONS).map(c -> c + "/any()")),
        Tuple.of(1, Arbitraries.of("changed/name", "state/connected", "true")));
  }

  private Arbitrary<String> condition(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<String> smaller = condition(depth - 1);
    String variable = "v" + depth;
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf()),
        Tuple.of(
            3,
            Combinators.combine(smaller, Arbitraries.of("and", "or", "AND"), smaller)
                .as((a, op, b) -> a + " " + op + " " + b)),
        Tuple.of(1, smaller.map(c -> "not (" + c + ")")),
        Tuple.of(1, smaller.map(c -> "(" + c + ")")),
        Tuple.of(1, smaller.map(c -> "(" + c + ") eq " + (c.length() % 2 == 0 ? "true" : "false"))),
        Tuple.of(
            2,
            Combinators.combine(Arbitraries.of(COLLECTIONS), Arbitraries.of("any", "all"), smaller)
                .as((path, q, body) -> path + "/" + q + "(" + variable + ": " + body + ")")));
  }

  enum Edit {
    INSERT,
    DELETE,
    REPLACE
  }

  record Mutation(Edit edit, int at, char c) {}

  static String mutate(String seed, List<Mutation> mutations) {
    StringBuilder s = new StringBuilder(seed);
    for (Mutation m : mutations) {
      int at = s.isEmpty() ? 0 : m.at() % (s.length() + (m.edit() == Edit.INSERT ? 1 : 0));
      switch (m.edit()) {
        case INSERT -> s.insert(at, m.c());
        case DELETE -> {
          if (!s.isEmpty()) {
            s.deleteCharAt(at);
          }
        }
        case REPLACE -> {
          if (!s.isEmpty()) {
            s.setCharAt(at, m.c());
          }
        }
      }
    }
    return s.toString();
  }

  @Property(tries = 300)
  void seedFiltersSurviveTheRoundTrip(@ForAll("seeds") String seed) {
    check(seed);
  }

  @Provide
  Arbitrary<String> seeds() {
    return Arbitraries.of(SeedFilterTest.ALL);
  }
}
