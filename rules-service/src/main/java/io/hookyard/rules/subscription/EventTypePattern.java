package io.hookyard.rules.subscription;

import java.util.regex.Pattern;

/**
 * Event-type patterns of subscriptions: an exact type, {@code prefix.*} or {@code prefix/*} for
 * every type under a prefix (such as {@code fleet.*} or {@code compute-ops/*}), or {@code *} for
 * every type.
 */
public final class EventTypePattern {
  private static final Pattern VALID = Pattern.compile("\\*|[A-Za-z0-9_.:/-]+([./]\\*)?");

  private EventTypePattern() {}

  public static boolean isValid(String pattern) {
    return pattern != null && VALID.matcher(pattern).matches();
  }

  public static boolean matches(String pattern, String type) {
    if (pattern.equals("*")) {
      return true;
    }
    if (isPrefix(pattern)) {
      return type.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(type);
  }

  /** True for {@code prefix.*} and {@code prefix/*}. */
  public static boolean isPrefix(String pattern) {
    return pattern.length() > 2 && (pattern.endsWith(".*") || pattern.endsWith("/*"));
  }
}
