package io.hookyard.rules.filter;

import io.hookyard.rules.filter.Ast.And;
import io.hookyard.rules.filter.Ast.ChangedRef;
import io.hookyard.rules.filter.Ast.Comparison;
import io.hookyard.rules.filter.Ast.ConditionValue;
import io.hookyard.rules.filter.Ast.DataRef;
import io.hookyard.rules.filter.Ast.EnvelopeRef;
import io.hookyard.rules.filter.Ast.InList;
import io.hookyard.rules.filter.Ast.Length;
import io.hookyard.rules.filter.Ast.Literal;
import io.hookyard.rules.filter.Ast.MatchesPattern;
import io.hookyard.rules.filter.Ast.NonEmpty;
import io.hookyard.rules.filter.Ast.Not;
import io.hookyard.rules.filter.Ast.Operand;
import io.hookyard.rules.filter.Ast.Or;
import io.hookyard.rules.filter.Ast.Predicate;
import io.hookyard.rules.filter.Ast.Quantified;
import io.hookyard.rules.filter.Ast.Root;
import io.hookyard.rules.filter.Ast.StringFunction;
import io.hookyard.rules.filter.Ast.StringTest;
import io.hookyard.rules.filter.Ast.Truthy;
import io.hookyard.rules.filter.Ast.VarRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints a syntax tree back as filter text, fully parenthesised, so that it parses back to the same
 * tree. For tests (precedence, round trips) and debugging.
 */
final class AstPrinter {
  private AstPrinter() {}

  static String print(Predicate p) {
    return switch (p) {
      case Or or -> join(or.terms(), " or ");
      case And and -> join(and.terms(), " and ");
      case Not not -> "(not " + wrap(not.operand()) + ")";
      case Comparison c ->
          "(" + print(c.left()) + " " + c.op().keyword() + " " + print(c.right()) + ")";
      case InList in ->
          "("
              + print(in.value())
              + " in ("
              + in.candidates().stream().map(AstPrinter::print).collect(Collectors.joining(", "))
              + "))";
      case StringTest s ->
          switch (s.op()) {
                case CONTAINS -> "contains(";
                case STARTS_WITH -> "startswith(";
                case ENDS_WITH -> "endswith(";
              }
              + print(s.subject())
              + ", "
              + print(s.part())
              + ")";
      case MatchesPattern m ->
          "matchesPattern(" + print(m.subject()) + ", " + quote(m.pattern().pattern()) + ")";
      case Quantified q ->
          print(q.collection())
              + "/"
              + q.quantifier().name().toLowerCase(Locale.ROOT)
              + "("
              + q.variable()
              + ": "
              + print(q.body())
              + ")";
      case NonEmpty n -> print(n.collection()) + "/any()";
      case Truthy t -> print(t.operand());
    };
  }

  static String print(Operand o) {
    return switch (o) {
      case Literal l -> literal(l.value());
      case EnvelopeRef e -> e.name();
      case DataRef d -> path(d.root() == Root.NEW ? "new" : "old", d.segments());
      case ChangedRef c -> path("changed", c.segments());
      case VarRef v -> path(v.name(), v.segments());
      case StringFunction f ->
          f.fn().name().toLowerCase(Locale.ROOT) + "(" + print(f.argument()) + ")";
      case Length l -> "length(" + print(l.argument()) + ")";
      case ConditionValue c -> wrap(c.predicate());
    };
  }

  private static String wrap(Predicate p) {
    String s = print(p);
    return s.startsWith("(") && s.endsWith(")") ? s : "(" + s + ")";
  }

  private static String join(List<Predicate> terms, String separator) {
    return terms.stream().map(AstPrinter::print).collect(Collectors.joining(separator, "(", ")"));
  }

  private static String path(String head, List<String> segments) {
    return segments.isEmpty() ? head : head + "/" + String.join("/", segments);
  }

  private static String literal(Object value) {
    return switch (value) {
      case null -> "null";
      case String s -> quote(s);
      case BigDecimal d -> d.toString();
      default -> value.toString();
    };
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
