package io.hookyard.delivery.replay;

import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.delivery.delivery.DeliveryStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statuses a replay by filter takes. Dead and failing deliveries are what replays are for;
 * succeeded ones only when the caller says so; pending ones are already waiting for an attempt.
 */
final class ReplayStatuses {
  private static final Set<DeliveryStatus> DEFAULT =
      EnumSet.of(DeliveryStatus.DEAD, DeliveryStatus.FAILING);

  private ReplayStatuses() {}

  /** The statuses to replay for a request, or a 400 problem when it asks for the wrong ones. */
  static Set<DeliveryStatus> of(List<String> requested, boolean includeSucceeded) {
    Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
    if (requested == null || requested.isEmpty()) {
      statuses.addAll(DEFAULT);
      if (includeSucceeded) {
        statuses.add(DeliveryStatus.SUCCEEDED);
      }
      return statuses;
    }
    for (String text : requested) {
      statuses.add(parseOne(text));
    }
    if (statuses.contains(DeliveryStatus.PENDING)) {
      throw invalid(
          "Pending deliveries are already waiting for an attempt; they cannot be replayed.");
    }
    if (statuses.contains(DeliveryStatus.SUCCEEDED) && !includeSucceeded) {
      throw invalid(
          "Replaying succeeded deliveries sends them again; set includeSucceeded to true to do so.");
    }
    return statuses;
  }

  static String format(Set<DeliveryStatus> statuses) {
    return statuses.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  static List<DeliveryStatus> stored(String stored) {
    return stored == null
        ? null
        : Arrays.stream(stored.split(",")).map(DeliveryStatus::valueOf).toList();
  }

  private static DeliveryStatus parseOne(String text) {
    try {
      return DeliveryStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("statuses must be among dead, failing and succeeded.");
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(
        Problem.of(400, "invalid-replay", "Bad request", detail)
            .withErrors(List.of(new Problem.FieldError("statuses", detail))));
  }
}
