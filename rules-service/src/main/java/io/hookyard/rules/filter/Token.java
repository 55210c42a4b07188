package io.hookyard.rules.filter;

/**
 * One token of a filter. {@code value} is the decoded string for {@link Kind#STRING}, a {@link
 * Long} or {@link java.math.BigDecimal} for numbers, an {@link java.time.Instant} for date-times,
 * and null otherwise.
 */
record Token(Kind kind, String text, Object value, int start, int end) {
  enum Kind {
    IDENT,
    STRING,
    INTEGER,
    DECIMAL,
    DATETIME,
    LPAREN,
    RPAREN,
    COMMA,
    SLASH,
    COLON,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** An identifier spelled {@code word}, ignoring case (keywords are case-insensitive). */
  boolean isWord(String word) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(word);
  }

  /** How the token reads in an error message: {@code 'and'}, {@code string 'x'}, ... */
  String describe() {
    return switch (kind) {
      case EOF -> "end of input";
      case STRING -> "string " + abbreviate(text);
      case INTEGER, DECIMAL -> "number " + abbreviate(text);
      case DATETIME -> "date-time " + abbreviate(text);
      default -> "'" + abbreviate(text) + "'";
    };
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
