package io.hookyard.rules.filter;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * The typed syntax tree of a filter: sealed interfaces and records, evaluated by {@link Evaluator}
 * with pattern-matching switches. A {@link Predicate} is a condition (true or false); an {@link
 * Operand} yields a value (a Jackson node, a {@code String}, {@code Boolean}, {@code Long}, {@code
 * Double}, {@code BigDecimal}, {@code Instant}, or null for null and missing). Every node knows the
 * {@link Span} of filter text it was parsed from. All nodes are immutable.
 */
final class Ast {
  private Ast() {}

  /** A half-open range of char offsets in the filter text. */
  record Span(int start, int end) {
    Span to(Span other) {
      return new Span(start, other.end);
    }
  }

  sealed interface Node permits Predicate, Operand {
    Span span();
  }

  // ---- conditions ----

  sealed interface Predicate extends Node
      permits Or,
          And,
          Not,
          Comparison,
          InList,
          StringTest,
          MatchesPattern,
          Quantified,
          NonEmpty,
          Truthy {}

  record Or(List<Predicate> terms, Span span) implements Predicate {
    Or {
      terms = List.copyOf(terms);
    }
  }

  record And(List<Predicate> terms, Span span) implements Predicate {
    And {
      terms = List.copyOf(terms);
    }
  }

  record Not(Predicate operand, Span span) implements Predicate {}

  enum CompareOp {
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE;

    String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record Comparison(CompareOp op, Operand left, Operand right, Span span) implements Predicate {}

  /** {@code value in (c1, c2, ...)}: true when value {@code eq} one of the literal candidates. */
  record InList(Operand value, List<Literal> candidates, Span span) implements Predicate {
    InList {
      candidates = List.copyOf(candidates);
    }
  }

  enum StringOp {
    CONTAINS,
    STARTS_WITH,
    ENDS_WITH
  }

  /** {@code contains(a, b)}, {@code startswith(a, b)}, {@code endswith(a, b)}. */
  record StringTest(StringOp op, Operand subject, Operand part, Span span) implements Predicate {}

  /** {@code matchesPattern(value, 'regex')}; the RE2/J pattern was compiled with the filter. */
  record MatchesPattern(Operand subject, Pattern pattern, Span span) implements Predicate {}

  enum Quantifier {
    ANY,
    ALL
  }

  /**
   * {@code path/any(x: body)} or {@code path/all(x: body)}. Inside {@code body}, the variable is
   * the array element; it lives in slot {@code slot} of the evaluation frame.
   */
  record Quantified(
      Quantifier quantifier,
      Operand collection,
      String variable,
      int slot,
      Predicate body,
      Span span)
      implements Predicate {}

  /** {@code path/any()}: the path is a non-empty array. */
  record NonEmpty(Operand collection, Span span) implements Predicate {}

  /** A value standing as a condition (a path or {@code true}): true when it is boolean true. */
  record Truthy(Operand operand, Span span) implements Predicate {}

  // ---- values ----

  sealed interface Operand extends Node
      permits Literal,
          EnvelopeRef,
          DataRef,
          ChangedRef,
          VarRef,
          StringFunction,
          Length,
          ConditionValue {}

  /** A constant: null, String, Boolean, Long, Double, BigDecimal or Instant. */
  record Literal(Object value, Span span) implements Operand {}

  /** A CloudEvents envelope attribute: type, source, subject, operation, vendor, time or id. */
  record EnvelopeRef(String name, Span span) implements Operand {}

  enum Root {
    NEW,
    OLD
  }

  /**
   * A member path into the event's data ({@code new/...}) or the previous state ({@code old/...}).
   */
  record DataRef(Root root, List<String> segments, Span span) implements Operand {
    DataRef {
      segments = List.copyOf(segments);
    }
  }

  /** {@code changed/...}: Boolean, whether old and new differ at the path. */
  record ChangedRef(List<String> segments, Span span) implements Operand {
    ChangedRef {
      segments = List.copyOf(segments);
    }
  }

  /** A lambda variable, optionally followed by a member path: {@code p} or {@code p/name}. */
  record VarRef(String name, int slot, List<String> segments, Span span) implements Operand {
    VarRef {
      segments = List.copyOf(segments);
    }
  }

  enum StringFn {
    TOLOWER,
    TOUPPER,
    TRIM
  }

  record StringFunction(StringFn fn, Operand argument, Span span) implements Operand {}

  /** {@code length(x)}: a string's length in code points or an array's size, else null. */
  record Length(Operand argument, Span span) implements Operand {}

  /** A condition used as a value, as in {@code contains(name, 'x') eq false}: a Boolean. */
  record ConditionValue(Predicate predicate, Span span) implements Operand {}
}
