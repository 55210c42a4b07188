package io.hookyard.rules.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.hookyard.rules.filter.Ast.And;
import io.hookyard.rules.filter.Ast.ChangedRef;
import io.hookyard.rules.filter.Ast.CompareOp;
import io.hookyard.rules.filter.Ast.Comparison;
import io.hookyard.rules.filter.Ast.ConditionValue;
import io.hookyard.rules.filter.Ast.DataRef;
import io.hookyard.rules.filter.Ast.EnvelopeRef;
import io.hookyard.rules.filter.Ast.InList;
import io.hookyard.rules.filter.Ast.Length;
import io.hookyard.rules.filter.Ast.Literal;
import io.hookyard.rules.filter.Ast.MatchesPattern;
import io.hookyard.rules.filter.Ast.Node;
import io.hookyard.rules.filter.Ast.NonEmpty;
import io.hookyard.rules.filter.Ast.Not;
import io.hookyard.rules.filter.Ast.Operand;
import io.hookyard.rules.filter.Ast.Or;
import io.hookyard.rules.filter.Ast.Predicate;
import io.hookyard.rules.filter.Ast.Quantified;
import io.hookyard.rules.filter.Ast.Quantifier;
import io.hookyard.rules.filter.Ast.Root;
import io.hookyard.rules.filter.Ast.Span;
import io.hookyard.rules.filter.Ast.StringFn;
import io.hookyard.rules.filter.Ast.StringFunction;
import io.hookyard.rules.filter.Ast.StringOp;
import io.hookyard.rules.filter.Ast.StringTest;
import io.hookyard.rules.filter.Ast.Truthy;
import io.hookyard.rules.filter.Ast.VarRef;
import io.hookyard.rules.filter.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser from tokens to the typed {@link Ast}. The grammar is in docs/filters.md;
 * each {@code parseX} method is one of its rules. Nesting depth is counted on the way down, so a
 * deeply nested filter fails with a {@link FilterSyntaxException} long before the stack could
 * overflow.
 */
final class Parser {
  /** The CloudEvents envelope attributes a bare name refers to. */
  static final Set<String> ENVELOPE =
      Set.of("type", "source", "subject", "operation", "vendor", "time", "id");

  /** Words that can never begin a bare path (write {@code new/and} for a member named so). */
  private static final Set<String> RESERVED =
      Set.of("and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le", "in", "true", "false", "null");

  private static final String FUNCTIONS =
      "contains, startswith, endswith, tolower, toupper, trim, length, matchesPattern";

  /** The outcome: the tree and what evaluating it needs. */
  record Result(Predicate root, int frameSize, boolean needsOldState, int nodeCount) {}

  private final String src;
  private final FilterLimits limits;
  private List<Token> tokens;
  private int pos;
  private int depth;
  private int nodes;
  private final List<String> scope = new ArrayList<>();
  private int frameSize;
  private boolean needsOldState;

  private Parser(String src, FilterLimits limits) {
    this.src = src;
    this.limits = limits;
  }

  static Result parse(String src, FilterLimits limits) {
    Parser parser = new Parser(src, limits);
    return parser.parseFilter();
  }

  private Result parseFilter() {
    if (src.length() > limits.maxLength()) {
      throw new FilterSyntaxException(
          src,
          limits.maxLength(),
          "the filter is "
              + src.length()
              + " characters long, over the limit of "
              + limits.maxLength()
              + " (maxLength)");
    }
    tokens = Lexer.tokenize(src);
    if (peek().is(Kind.EOF)) {
      throw error(peek(), "expected a condition but found end of input");
    }
    Predicate root = asPredicate(parseOr());
    Token t = peek();
    if (!t.is(Kind.EOF)) {
      throw error(t, "expected 'and', 'or' or end of input but found " + t.describe());
    }
    return new Result(root, frameSize, needsOldState, nodes);
  }

  // ---- conditions ----

  /** orExpr = andExpr { "or" andExpr } */
  private Node parseOr() {
    Node first = parseAnd();
    if (!peek().isWord("or")) {
      return first;
    }
    List<Predicate> terms = new ArrayList<>();
    terms.add(asPredicate(first));
    while (peek().isWord("or")) {
      advance();
      terms.add(asPredicate(parseAnd()));
    }
    return count(new Or(terms, first.span().to(terms.getLast().span())));
  }

  /** andExpr = unaryExpr { "and" unaryExpr } */
  private Node parseAnd() {
    Node first = parseUnary();
    if (!peek().isWord("and")) {
      return first;
    }
    List<Predicate> terms = new ArrayList<>();
    terms.add(asPredicate(first));
    while (peek().isWord("and")) {
      advance();
      terms.add(asPredicate(parseUnary()));
    }
    return count(new And(terms, first.span().to(terms.getLast().span())));
  }

  /** unaryExpr = "not" notOperand | comparison */
  private Node parseUnary() {
    Token t = peek();
    if (!t.isWord("not")) {
      return parseComparison();
    }
    advance();
    enter(t);
    Predicate operand =
        peek().isWord("not") ? asPredicate(parseUnary()) : asPredicate(parsePrimary());
    leave();
    Token after = peek();
    if (compareOp(after) != null || after.isWord("in")) {
      throw error(
          after,
          "expected 'and', 'or', ')' or end of input but found "
              + after.describe()
              + "; not binds tighter than "
              + after.text()
              + ", so write not (a "
              + after.text()
              + " b) to negate a comparison");
    }
    return count(new Not(operand, span(t).to(operand.span())));
  }

  /** comparison = primary [ compareOp primary | "in" "(" literal { "," literal } ")" ] */
  private Node parseComparison() {
    Node left = parsePrimary();
    Token t = peek();
    CompareOp op = compareOp(t);
    if (op != null) {
      advance();
      Node right = parsePrimary();
      return count(
          new Comparison(op, asOperand(left), asOperand(right), left.span().to(right.span())));
    }
    if (t.isWord("in")) {
      advance();
      expect(Kind.LPAREN, "'(' after in");
      List<Literal> candidates = new ArrayList<>();
      candidates.add(parseLiteral());
      while (peek().is(Kind.COMMA)) {
        advance();
        candidates.add(parseLiteral());
      }
      Token close = expect(Kind.RPAREN, "',' or ')'");
      return count(new InList(asOperand(left), candidates, left.span().to(span(close))));
    }
    return left;
  }

  private static CompareOp compareOp(Token t) {
    if (t.kind() != Kind.IDENT || t.text().length() != 2) {
      return null;
    }
    return switch (t.text().toLowerCase(Locale.ROOT)) {
      case "eq" -> CompareOp.EQ;
      case "ne" -> CompareOp.NE;
      case "gt" -> CompareOp.GT;
      case "ge" -> CompareOp.GE;
      case "lt" -> CompareOp.LT;
      case "le" -> CompareOp.LE;
      default -> null;
    };
  }

  // ---- values ----

  /** primary = "(" orExpr ")" | literal | functionCall | path [ lambda ] */
  private Node parsePrimary() {
    Token t = peek();
    switch (t.kind()) {
      case LPAREN -> {
        advance();
        enter(t);
        Node inner = parseOr();
        expect(Kind.RPAREN, "')'");
        leave();
        return inner;
      }
      case STRING, INTEGER, DECIMAL, DATETIME -> {
        return parseLiteral();
      }
      case IDENT -> {
        String word = t.text().toLowerCase(Locale.ROOT);
        if (word.equals("true") || word.equals("false") || word.equals("null")) {
          return parseLiteral();
        }
        if (RESERVED.contains(word)) {
          throw error(t, "expected a value, a path or '(' but found " + t.describe());
        }
        if (peekAt(1).is(Kind.LPAREN)) {
          return parseFunction();
        }
        return parsePath();
      }
      default -> throw error(t, "expected a value, a path or '(' but found " + t.describe());
    }
  }

  /** literal = string | integer | decimal | dateTime | "true" | "false" | "null" */
  private Literal parseLiteral() {
    Token t = peek();
    Object value =
        switch (t.kind()) {
          case STRING, INTEGER, DATETIME -> t.value();
          case DECIMAL -> decimal((BigDecimal) t.value());
          case IDENT -> {
            String word = t.text().toLowerCase(Locale.ROOT);
            if (word.equals("true")) {
              yield Boolean.TRUE;
            } else if (word.equals("false")) {
              yield Boolean.FALSE;
            } else if (word.equals("null")) {
              yield null;
            }
            throw error(t, "expected a literal value but found " + t.describe());
          }
          default -> throw error(t, "expected a literal value but found " + t.describe());
        };
    advance();
    return count(new Literal(value, span(t)));
  }

  /** A decimal literal as a Double when that is exact enough, else kept as BigDecimal. */
  private static Object decimal(BigDecimal value) {
    double d = value.doubleValue();
    if (value.precision() <= 15 && Double.isFinite(d) && (d != 0 || value.signum() == 0)) {
      return d;
    }
    return value;
  }

  /** functionCall = name "(" [ orExpr { "," orExpr } ] ")" */
  private Node parseFunction() {
    Token name = advance();
    Token open = advance();
    enter(open);
    List<Node> args = new ArrayList<>();
    if (!peek().is(Kind.RPAREN)) {
      args.add(parseOr());
      while (peek().is(Kind.COMMA)) {
        advance();
        args.add(parseOr());
      }
    }
    Token close = expect(Kind.RPAREN, args.isEmpty() ? "')'" : "',' or ')'");
    leave();
    Span span = span(name).to(span(close));
    String fn = name.text().toLowerCase(Locale.ROOT);
    return switch (fn) {
      case "contains" -> stringTest(StringOp.CONTAINS, name, args, span);
      case "startswith" -> stringTest(StringOp.STARTS_WITH, name, args, span);
      case "endswith" -> stringTest(StringOp.ENDS_WITH, name, args, span);
      case "tolower" -> stringFunction(StringFn.TOLOWER, name, args, span);
      case "toupper" -> stringFunction(StringFn.TOUPPER, name, args, span);
      case "trim" -> stringFunction(StringFn.TRIM, name, args, span);
      case "length" -> {
        arity(name, args, 1);
        yield count(new Length(asOperand(args.get(0)), span));
      }
      case "matchespattern" -> matchesPattern(name, args, span);
      default ->
          throw error(
              name,
              "unknown function '"
                  + Token.abbreviate(name.text())
                  + "'; the functions are "
                  + FUNCTIONS);
    };
  }

  private Predicate stringTest(StringOp op, Token name, List<Node> args, Span span) {
    arity(name, args, 2);
    return count(new StringTest(op, asOperand(args.get(0)), asOperand(args.get(1)), span));
  }

  private Operand stringFunction(StringFn fn, Token name, List<Node> args, Span span) {
    arity(name, args, 1);
    return count(new StringFunction(fn, asOperand(args.get(0)), span));
  }

  private Predicate matchesPattern(Token name, List<Node> args, Span span) {
    arity(name, args, 2);
    if (!(args.get(1) instanceof Literal literal && literal.value() instanceof String regex)) {
      throw error(
          args.get(1).span().start(),
          "the pattern of matchesPattern must be a string literal, such as '^srv-[0-9]+$'");
    }
    String problem = RegexGuard.problem(regex);
    if (problem != null) {
      throw error(literal.span().start(), "regular expression rejected: " + problem);
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException | IllegalArgumentException e) {
      throw error(literal.span().start(), "invalid regular expression: " + e.getMessage());
    } catch (StackOverflowError e) {
      // RegexGuard bounds group nesting, so this is a last line of defence only.
      throw error(literal.span().start(), "regular expression rejected: it is nested too deeply");
    }
    return count(new MatchesPattern(asOperand(args.get(0)), pattern, span));
  }

  private void arity(Token name, List<Node> args, int expected) {
    if (args.size() != expected) {
      throw error(
          name,
          name.text()
              + " takes "
              + expected
              + (expected == 1 ? " argument" : " arguments")
              + " but was given "
              + args.size());
    }
  }

  /**
   * path = name { "/" name } [ "/" ( "any" | "all" ) "(" [ variable ":" orExpr ] ")" ]
   *
   * <p>The first name decides what the path refers to: a lambda variable in scope, {@code new},
   * {@code old}, {@code changed}, an envelope attribute, or else a member of the event's data.
   */
  private Node parsePath() {
    Token first = advance();
    List<String> segments = new ArrayList<>();
    segments.add(first.text());
    int end = first.end();
    while (peek().is(Kind.SLASH) && peek().start() == end) {
      Token slash = advance();
      Token segment = peek();
      if (!segment.is(Kind.IDENT) || segment.start() != slash.end()) {
        throw error(
            slash.end(),
            "expected a member name right after '/' but found "
                + (segment.start() != slash.end() ? "a space" : segment.describe()));
      }
      advance();
      if ((segment.isWord("any") || segment.isWord("all")) && peek().is(Kind.LPAREN)) {
        Operand collection = resolve(first, segments, new Span(first.start(), slash.start()));
        return parseLambda(first, collection, segment);
      }
      segments.add(segment.text());
      end = segment.end();
    }
    return resolve(first, segments, new Span(first.start(), end));
  }

  private Operand resolve(Token first, List<String> segments, Span span) {
    String head = segments.get(0);
    List<String> rest = segments.subList(1, segments.size());
    int slot = scope.lastIndexOf(head);
    if (slot >= 0) {
      return count(new VarRef(head, slot, rest, span));
    }
    switch (head) {
      case "new" -> {
        return count(new DataRef(Root.NEW, rest, span));
      }
      case "old" -> {
        needsOldState = true;
        return count(new DataRef(Root.OLD, rest, span));
      }
      case "changed" -> {
        needsOldState = true;
        return count(new ChangedRef(rest, span));
      }
      default -> {
        if (ENVELOPE.contains(head)) {
          if (!rest.isEmpty()) {
            throw error(
                first.end(),
                "'"
                    + head
                    + "' is an envelope attribute and has no members; write new/"
                    + head
                    + "/... for a member of the event's data");
          }
          return count(new EnvelopeRef(head, span));
        }
        return count(new DataRef(Root.NEW, segments, span));
      }
    }
  }

  private Predicate parseLambda(Token first, Operand collection, Token quantifierToken) {
    Quantifier quantifier = quantifierToken.isWord("any") ? Quantifier.ANY : Quantifier.ALL;
    String word = quantifier.name().toLowerCase(Locale.ROOT);
    if (collection instanceof ChangedRef || collection instanceof EnvelopeRef) {
      throw error(
          first, word + "() needs an array, but " + text(collection.span()) + " is never an array");
    }
    Token open = advance();
    enter(open);
    if (peek().is(Kind.RPAREN)) {
      if (quantifier == Quantifier.ALL) {
        throw error(peek(), "all() needs a condition, as in all(x: x/state eq 'OK')");
      }
      Token close = advance();
      leave();
      return count(new NonEmpty(collection, span(first).to(span(close))));
    }
    Token variable = peek();
    if (!variable.is(Kind.IDENT)) {
      throw error(
          variable,
          "expected a variable name, as in "
              + word
              + "(x: x/name eq 'a') or "
              + word
              + "(), but found "
              + variable.describe());
    }
    String name = variable.text();
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))
        || name.equals("new")
        || name.equals("old")
        || name.equals("changed")) {
      throw error(variable, "'" + name + "' cannot be a variable name");
    }
    if (scope.contains(name)) {
      throw error(variable, "the variable '" + name + "' is already in use by an enclosing lambda");
    }
    advance();
    expect(Kind.COLON, "':' after the variable name");
    scope.add(name);
    int slot = scope.size() - 1;
    frameSize = Math.max(frameSize, scope.size());
    Predicate body = asPredicate(parseOr());
    scope.removeLast();
    Token close = expect(Kind.RPAREN, "')'");
    leave();
    return count(
        new Quantified(quantifier, collection, name, slot, body, span(first).to(span(close))));
  }

  // ---- conversions between conditions and values ----

  /** A node standing where a condition is needed. */
  private Predicate asPredicate(Node node) {
    return switch (node) {
      case Predicate p -> p;
      case ConditionValue c -> c.predicate();
      case Literal l when l.value() instanceof Boolean -> count(new Truthy(l, l.span()));
      case DataRef d -> count(new Truthy(d, d.span()));
      case ChangedRef c -> count(new Truthy(c, c.span()));
      case VarRef v -> count(new Truthy(v, v.span()));
      case Operand o ->
          throw error(
              o.span().start(),
              "expected a condition but found "
                  + "'"
                  + Token.abbreviate(text(o.span()))
                  + "'; compare it with eq, ne, gt, ge, lt, le or in");
    };
  }

  /** A node standing where a value is needed. */
  private Operand asOperand(Node node) {
    return switch (node) {
      case Operand o -> o;
      case Truthy t -> t.operand();
      case Predicate p -> count(new ConditionValue(p, p.span()));
    };
  }

  // ---- helpers ----

  private <T extends Node> T count(T node) {
    if (++nodes > limits.maxNodes()) {
      throw error(
          node.span().start(),
          "the filter has more than " + limits.maxNodes() + " syntax nodes (maxNodes)");
    }
    return node;
  }

  private void enter(Token at) {
    if (++depth > limits.maxDepth()) {
      throw error(
          at,
          "the filter nests deeper than the limit of " + limits.maxDepth() + " levels (maxDepth)");
    }
  }

  private void leave() {
    depth--;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token advance() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private Token expect(Kind kind, String what) {
    Token t = peek();
    if (!t.is(kind)) {
      throw error(t, "expected " + what + " but found " + t.describe());
    }
    return advance();
  }

  private static Span span(Token t) {
    return new Span(t.start(), t.end());
  }

  private String text(Span span) {
    return src.substring(span.start(), span.end());
  }

  private FilterSyntaxException error(Token at, String reason) {
    return error(at.start(), reason);
  }

  private FilterSyntaxException error(int offset, String reason) {
    return new FilterSyntaxException(src, offset, reason);
  }
}
