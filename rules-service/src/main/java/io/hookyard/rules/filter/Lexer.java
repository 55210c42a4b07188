package io.hookyard.rules.filter;

import io.hookyard.rules.filter.Token.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens. Hand-written; every error is a {@link FilterSyntaxException}. */
final class Lexer {
  private final String src;
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  /** All tokens of {@code src}, ending with one {@link Kind#EOF}. */
  static List<Token> tokenize(String src) {
    Lexer lexer = new Lexer(src);
    List<Token> tokens = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      tokens.add(t);
    } while (t.kind() != Kind.EOF);
    return tokens;
  }

  private Token next() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    if (pos >= src.length()) {
      return new Token(Kind.EOF, "", null, pos, pos);
    }
    int start = pos;
    char c = src.charAt(pos);
    switch (c) {
      case '(':
        return single(Kind.LPAREN);
      case ')':
        return single(Kind.RPAREN);
      case ',':
        return single(Kind.COMMA);
      case '/':
        return single(Kind.SLASH);
      case ':':
        return single(Kind.COLON);
      case '\'':
        return string();
      default:
        break;
    }
    if (isDigit(c) || (c == '-' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
      return isDateTimeAhead() ? dateTime() : number();
    }
    int cp = src.codePointAt(pos);
    if (isIdentStart(cp)) {
      return identifier();
    }
    throw error(start, unexpected(cp));
  }

  private Token single(Kind kind) {
    int start = pos++;
    return new Token(kind, src.substring(start, pos), null, start, pos);
  }

  private Token string() {
    int start = pos;
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= src.length()) {
        throw error(start, "unterminated string: expected a closing ' (write '' for a quote)");
      }
      char c = src.charAt(pos++);
      if (c == '\'') {
        if (pos < src.length() && src.charAt(pos) == '\'') {
          value.append('\'');
          pos++;
        } else {
          break;
        }
      } else {
        value.append(c);
      }
    }
    return new Token(Kind.STRING, src.substring(start, pos), value.toString(), start, pos);
  }

  private Token identifier() {
    int start = pos;
    pos += Character.charCount(src.codePointAt(pos));
    while (pos < src.length()) {
      int cp = src.codePointAt(pos);
      if (!isIdentPart(cp)) {
        break;
      }
      pos += Character.charCount(cp);
    }
    return new Token(Kind.IDENT, src.substring(start, pos), null, start, pos);
  }

  private Token number() {
    int start = pos;
    if (src.charAt(pos) == '-') {
      pos++;
    }
    digits();
    boolean decimal = false;
    if (pos < src.length() && src.charAt(pos) == '.') {
      pos++;
      if (pos >= src.length() || !isDigit(src.charAt(pos))) {
        throw error(pos, "expected a digit after the decimal point");
      }
      digits();
      decimal = true;
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int exponent = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos >= src.length() || !isDigit(src.charAt(pos))) {
        throw error(exponent, "expected digits in the exponent of the number");
      }
      digits();
      decimal = true;
    }
    if (pos < src.length() && isIdentPart(src.codePointAt(pos))) {
      throw error(
          start, "invalid number '" + Token.abbreviate(src.substring(start, pos + 1)) + "'");
    }
    String text = src.substring(start, pos);
    if (!decimal) {
      try {
        return new Token(Kind.INTEGER, text, Long.parseLong(text), start, pos);
      } catch (NumberFormatException tooLong) {
        // Out of long range: kept exact as a decimal.
      }
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(start, "invalid number '" + Token.abbreviate(text) + "'");
    }
    return new Token(Kind.DECIMAL, text, value, start, pos);
  }

  private void digits() {
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
  }

  /** {@code dddd-dd}: the start of a date, which a number never is. */
  private boolean isDateTimeAhead() {
    int p = pos;
    if (p + 6 >= src.length()) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!isDigit(src.charAt(p + i))) {
        return false;
      }
    }
    return src.charAt(p + 4) == '-' && isDigit(src.charAt(p + 5));
  }

  private Token dateTime() {
    int start = pos;
    while (pos < src.length() && isDateTimeChar(src.charAt(pos))) {
      pos++;
    }
    String text = src.substring(start, pos);
    if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
      throw error(
          start,
          "a date-time needs a time and an offset, such as 2026-11-22T10:00:00Z, but found '"
              + Token.abbreviate(text)
              + "'");
    }
    try {
      return new Token(Kind.DATETIME, text, OffsetDateTime.parse(text).toInstant(), start, pos);
    } catch (DateTimeException e) {
      throw error(
          start,
          "invalid date-time '"
              + Token.abbreviate(text)
              + "': expected ISO-8601 with an offset, such as 2026-11-22T10:00:00Z or"
              + " 2026-11-22T11:00:00.5+01:00");
    }
  }

  private static boolean isDateTimeChar(char c) {
    return isDigit(c)
        || c == '-'
        || c == '+'
        || c == ':'
        || c == '.'
        || c == 'T'
        || c == 't'
        || c == 'Z'
        || c == 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentStart(int cp) {
    return cp == '_' || Character.isLetter(cp);
  }

  static boolean isIdentPart(int cp) {
    return cp == '_' || Character.isLetterOrDigit(cp);
  }

  private static String unexpected(int cp) {
    boolean invisible =
        Character.isISOControl(cp)
            || Character.isSpaceChar(cp)
            || !Character.isDefined(cp)
            || Character.getType(cp) == Character.SURROGATE
            || Character.getType(cp) == Character.FORMAT;
    String shown =
        invisible
            ? String.format("unexpected character U+%04X", cp)
            : "unexpected character '" + new String(Character.toChars(cp)) + "'";
    return switch (cp) {
      case '"' -> shown + "; strings are written in single quotes: 'text'";
      case '=', '!', '<', '>' -> shown + "; compare with eq, ne, gt, ge, lt or le";
      case '&', '|' -> shown + "; combine conditions with and, or, not";
      case '.' -> shown + "; members are separated with '/', as in hardware/powerState";
      default -> shown;
    };
  }

  private FilterSyntaxException error(int offset, String reason) {
    return new FilterSyntaxException(src, offset, reason);
  }
}
