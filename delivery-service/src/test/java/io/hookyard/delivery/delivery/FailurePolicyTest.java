package io.hookyard.delivery.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.destination.DestinationSettings;
import io.hookyard.delivery.destination.SuccessCodes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an answer means for the next attempt (test config: penalty x2, jitter 20 %). */
@DeliveryTest
class FailurePolicyTest {
  static final List<Duration> WAITS =
      List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10));

  @Inject FailurePolicy policy;
  @Inject Clock clock;

  @Test
  void theDestinationsSuccessCodesDecideWhatIsDelivered() {
    DestinationSettings destination = destination("200,409");
    assertTrue(policy.decide(answer(409, Map.of()), destination, 1).succeeded());
    assertTrue(policy.decide(answer(200, Map.of()), destination, 1).succeeded());
    AttemptDecision noContent = policy.decide(answer(204, Map.of()), destination, 1);
    assertEquals(AttemptDecision.Verdict.RETRY, noContent.verdict());
  }

  @Test
  void aFailureWaitsTheScheduledTimeWithinJitterAndTheScheduleEnds() {
    for (int i = 0; i < 200; i++) {
      long ms = policy.decide(answer(500, Map.of()), destination("200-299"), 1).delay().toMillis();
      assertTrue(ms >= 8_000 && ms <= 12_000, "10 s ± 20 %: " + ms);
    }
    assertEquals(
        AttemptDecision.Verdict.DEAD,
        policy.decide(answer(500, Map.of()), destination("200-299"), 3).verdict());
  }

  @Test
  void tooManyRequestsUnavailableAndTimeoutsArePenalised() {
    for (AttemptResult result : List.of(answer(429, Map.of()), answer(503, Map.of()), timeout())) {
      long ms = policy.decide(result, destination("200-299"), 1).delay().toMillis();
      assertTrue(ms >= 16_000 && ms <= 24_000, "twice 10 s ± 20 %: " + ms);
    }
  }

  @Test
  void retryAfterIsHonouredInSecondsOrAsADateAndCapped() {
    long seconds =
        policy
            .decide(answer(429, Map.of("retry-after", List.of("120"))), destination("200-299"), 1)
            .delay()
            .toSeconds();
    assertEquals(120, seconds);
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plus(Duration.ofMinutes(10)).atZone(ZoneOffset.UTC));
    long fromDate =
        policy
            .decide(answer(503, Map.of("retry-after", List.of(date))), destination("200-299"), 1)
            .delay()
            .toSeconds();
    assertTrue(fromDate >= 590 && fromDate <= 600, "about ten minutes: " + fromDate);
    long capped =
        policy
            .decide(
                answer(429, Map.of("retry-after", List.of("999999"))), destination("200-299"), 1)
            .delay()
            .toSeconds();
    assertEquals(3600, capped, "capped at hookyard.delivery.retry-after-max");
    long shorterThanSchedule =
        policy
            .decide(answer(500, Map.of("retry-after", List.of("1"))), destination("200-299"), 1)
            .delay()
            .toMillis();
    assertTrue(shorterThanSchedule >= 8_000, "never earlier than the schedule");
  }

  @Test
  void goneAsksForThePauseOfTheDestination() {
    AttemptDecision gone = policy.decide(answer(410, Map.of()), destination("200-299"), 1);
    assertNotNull(gone.pauseReason());
    assertTrue(gone.pauseReason().contains("410"));
    assertNull(policy.decide(answer(500, Map.of()), destination("200-299"), 1).pauseReason());
  }

  private static DestinationSettings destination(String successCodes) {
    return new DestinationSettings(
        "dst_x",
        "t",
        "http://example.com",
        "POST",
        Map.of(),
        Duration.ofSeconds(5),
        SuccessCodes.parse(successCodes),
        WAITS,
        null,
        null,
        false,
        List.of(),
        null);
  }

  private AttemptResult answer(int status, Map<String, List<String>> headers) {
    return new AttemptResult(
        request(), clock.instant(), 5, status, headers, new byte[0], null, null);
  }

  private AttemptResult timeout() {
    return new AttemptResult(
        request(),
        clock.instant(),
        5000,
        null,
        null,
        null,
        AttemptResult.ErrorClass.TIMEOUT,
        "slow");
  }

  private static OutgoingRequest request() {
    return new OutgoingRequest(
        "deliver", "POST", "http://example.com", Map.of(), Map.of(), new byte[0]);
  }
}
