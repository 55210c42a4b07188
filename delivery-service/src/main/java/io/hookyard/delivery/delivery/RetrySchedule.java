package io.hookyard.delivery.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When to try again: a list of waits (the first before attempt 1), each varied at random by up to
 * {@code jitter} either way so that retries of many deliveries do not arrive together.
 */
public record RetrySchedule(List<Duration> waits, double jitter) {
  private static final Pattern WAIT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  /** The wait before the next attempt after {@code attemptsMade} attempts, or empty when spent. */
  public Optional<Duration> waitAfter(int attemptsMade, RandomGenerator random) {
    if (attemptsMade >= waits.size()) {
      return Optional.empty();
    }
    Duration base = waits.get(attemptsMade);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
  }

  public int maxAttempts() {
    return waits.size();
  }

  /**
   * Parses waits written like {@code 0s}, {@code 500ms}, {@code 5m}, {@code 2h} or {@code 1d}, or
   * throws {@link IllegalArgumentException} naming the one that is wrong.
   */
  public static List<Duration> parseWaits(List<String> texts) {
    List<Duration> waits = new ArrayList<>();
    for (String text : texts) {
      Matcher matcher = WAIT.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a wait such as 0s, 500ms, 5m, 2h or 1d");
      }
      long amount = Long.parseLong(matcher.group(1));
      waits.add(
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          });
    }
    return waits;
  }

  /** Writes waits back in the form {@link #parseWaits} reads, in the largest exact unit. */
  public static List<String> format(List<Duration> waits) {
    return waits.stream().map(RetrySchedule::format).toList();
  }

  static String format(Duration wait) {
    long ms = wait.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  /** The stored form: comma-separated waits. */
  public static String join(List<Duration> waits) {
    return format(waits).stream().collect(Collectors.joining(","));
  }

  public static List<Duration> split(String stored) {
    return parseWaits(List.of(stored.split(",")));
  }
}
