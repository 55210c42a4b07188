package io.hookyard.rules.filter;

/**
 * Checks a regular expression before RE2/J compiles it. RE2/J matches in linear time, but compiling
 * has no size or depth limit of its own: {@code ((a{1000}){1000}){1000}} exhausts the heap and a
 * few thousand nested groups overflow the stack. This over-estimates the compiled program's size
 * (counted repetitions multiply what they repeat) and measures group nesting, without recursion.
 */
final class RegexGuard {
  /** The largest estimated program accepted; compiling one this size takes about a millisecond. */
  static final long MAX_SIZE = 10_000;

  /** The deepest group nesting accepted. */
  static final int MAX_NESTING = 100;

  private RegexGuard() {}

  /** Null when the regex is acceptable, else why not. */
  static String problem(String re) {
    // Per open group: [0] size of the current alternative, [1] size of earlier alternatives,
    // [2] size of the last atom (what a quantifier repeats).
    long[][] frames = new long[MAX_NESTING + 2][3];
    int depth = 0;
    int i = 0;
    int n = re.length();
    while (i < n) {
      char c = re.charAt(i);
      long[] f = frames[depth];
      switch (c) {
        case '\\' -> {
          i = skipEscape(re, i);
          atom(f, 1);
          continue;
        }
        case '[' -> {
          i = skipClass(re, i);
          atom(f, 1);
          continue;
        }
        case '(' -> {
          if (++depth > MAX_NESTING) {
            return "it nests groups deeper than " + MAX_NESTING + " levels";
          }
          frames[depth][0] = 0;
          frames[depth][1] = 0;
          frames[depth][2] = 0;
        }
        case ')' -> {
          if (depth == 0) {
            atom(f, 1);
          } else {
            long group = add(f[0], f[1]);
            depth--;
            atom(frames[depth], add(group, 1));
          }
        }
        case '|' -> {
          f[1] = add(f[1], f[0]);
          f[0] = 0;
          f[2] = 0;
        }
        case '*', '+', '?' -> f[0] = add(f[0], 1);
        case '{' -> {
          int end = re.indexOf('}', i);
          long count = end < 0 ? -1 : repeatCount(re.substring(i + 1, end));
          if (count < 0) {
            atom(f, 1);
          } else {
            f[0] = add(f[0], mul(f[2], count - 1));
            f[2] = mul(f[2], count);
            i = end;
          }
        }
        default -> atom(f, 1);
      }
      if (estimate(frames, depth) > MAX_SIZE) {
        return "it is too large once its repetitions are expanded (over "
            + MAX_SIZE
            + " instructions)";
      }
      i++;
    }
    return null;
  }

  private static long estimate(long[][] frames, int depth) {
    long total = 0;
    for (int d = 0; d <= depth; d++) {
      total = add(total, add(frames[d][0], frames[d][1]));
    }
    return total;
  }

  private static void atom(long[] frame, long size) {
    frame[0] = add(frame[0], size);
    frame[2] = size;
  }

  /** {@code n}, {@code n,} or {@code n,m}: the most copies it makes; -1 when it is not a count. */
  private static long repeatCount(String body) {
    int comma = body.indexOf(',');
    String min = comma < 0 ? body : body.substring(0, comma);
    String max = comma < 0 ? "" : body.substring(comma + 1);
    if (!digits(min) || (!max.isEmpty() && !digits(max))) {
      return -1;
    }
    long low = Long.parseLong(min);
    long high = max.isEmpty() ? low + 1 : Long.parseLong(max);
    return Math.max(1, Math.max(low, high));
  }

  private static boolean digits(String s) {
    if (s.isEmpty() || s.length() > 6) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The index after an escape: {@code \x}, {@code \p{Greek}}, {@code \x{1F600}}, {@code \Q…\E}. */
  private static int skipEscape(String re, int i) {
    int n = re.length();
    if (i + 1 >= n) {
      return n;
    }
    char kind = re.charAt(i + 1);
    if ((kind == 'p' || kind == 'P' || kind == 'x') && i + 2 < n && re.charAt(i + 2) == '{') {
      int end = re.indexOf('}', i);
      return end < 0 ? n : end + 1;
    }
    if (kind == 'Q') {
      int end = re.indexOf("\\E", i + 2);
      return end < 0 ? n : end + 2;
    }
    return i + 2;
  }

  /**
   * The index after a character class {@code […]}, including {@code []…]} and {@code [[:alpha:]]}.
   */
  private static int skipClass(String re, int i) {
    int n = re.length();
    int j = i + 1;
    if (j < n && re.charAt(j) == '^') {
      j++;
    }
    if (j < n && re.charAt(j) == ']') {
      j++;
    }
    while (j < n) {
      char c = re.charAt(j);
      if (c == '\\') {
        j = skipEscape(re, j);
      } else if (c == '[' && j + 1 < n && re.charAt(j + 1) == ':') {
        int end = re.indexOf(":]", j + 2);
        j = end < 0 ? j + 1 : end + 2;
      } else if (c == ']') {
        return j + 1;
      } else {
        j++;
      }
    }
    return n;
  }

  private static long add(long a, long b) {
    long s = a + b;
    return s < 0 || s > MAX_SIZE * 4 ? MAX_SIZE * 4 : s;
  }

  private static long mul(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > (MAX_SIZE * 4) / b ? MAX_SIZE * 4 : Math.min(a * b, MAX_SIZE * 4);
  }
}
