package io.hookyard.delivery.destination;

import java.util.ArrayList;
import java.util.List;

/**
 * Which response statuses count as delivered: a comma-separated list of codes and ranges, such as
 * {@code 200-299} (the default) or {@code 200-299,302,409}.
 */
public record SuccessCodes(List<int[]> ranges) {
  public static final String DEFAULT = "200-299";

  /** Parses the list, or throws {@link IllegalArgumentException} saying what is wrong. */
  public static SuccessCodes parse(String text) {
    List<int[]> ranges = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String item = part.strip();
      String[] bounds = item.split("-", -1);
      if (bounds.length > 2 || item.isEmpty()) {
        throw new IllegalArgumentException("'" + item + "' is not a code or a range of codes");
      }
      int low = code(bounds[0]);
      int high = bounds.length == 2 ? code(bounds[1]) : low;
      if (high < low) {
        throw new IllegalArgumentException("the range '" + item + "' ends before it starts");
      }
      ranges.add(new int[] {low, high});
    }
    return new SuccessCodes(List.copyOf(ranges));
  }

  public boolean contains(int status) {
    for (int[] range : ranges) {
      if (status >= range[0] && status <= range[1]) {
        return true;
      }
    }
    return false;
  }

  private static int code(String text) {
    String digits = text.strip();
    if (!digits.matches("[1-5][0-9][0-9]")) {
      throw new IllegalArgumentException("'" + digits + "' is not an HTTP status code");
    }
    return Integer.parseInt(digits);
  }
}
