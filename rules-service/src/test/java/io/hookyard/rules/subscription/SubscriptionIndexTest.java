package io.hookyard.rules.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

  @Test
  void findsExactPrefixAndCatchAllSubscriptionsOnceEach() {
    Subscription exact = subscription("exact", List.of("fleet.calendar"), List.of());
    Subscription prefix = subscription("prefix", List.of("fleet.*", "fleet.calendar"), List.of());
    Subscription slashPrefix = subscription("com", List.of("compute-ops/*"), List.of());
    Subscription all = subscription("all", List.of("*"), List.of());
    Subscription other = subscription("other", List.of("github.push"), List.of());
    var index =
        SubscriptionIndex.TenantIndex.of(
            List.of(exact, prefix, slashPrefix, all, other), Instant.EPOCH);

    assertEquals(List.of(exact, prefix, all), index.candidates("fleet.calendar", "src_1"));
    assertEquals(List.of(prefix, all), index.candidates("fleet.host_status", "src_1"));
    assertEquals(List.of(slashPrefix, all), index.candidates("compute-ops/server", "src_1"));
    assertEquals(List.of(all), index.candidates("stripe.invoice.paid", "src_1"));
  }

  @Test
  void aSubscriptionLimitedToSourcesTakesOnlyTheirEvents() {
    Subscription limited = subscription("limited", List.of("*"), List.of("src_a"));
    var index = SubscriptionIndex.TenantIndex.of(List.of(limited), Instant.EPOCH);
    assertEquals(List.of(limited), index.candidates("x.y", "src_a"));
    assertEquals(List.of(), index.candidates("x.y", "src_b"));
  }

  @Test
  void prefixPatternsMatchLikeTheIndex() {
    assertEquals(true, EventTypePattern.matches("compute-ops/*", "compute-ops/alert"));
    assertEquals(false, EventTypePattern.matches("compute-ops/*", "compute-ops"));
    assertEquals(true, EventTypePattern.isValid("compute-ops/*"));
    assertEquals(false, EventTypePattern.isValid("compute-*"));
  }

  private static Subscription subscription(String id, List<String> types, List<String> sources) {
    Subscription subscription = new Subscription();
    subscription.id = id;
    subscription.eventTypes = types;
    subscription.sources = sources;
    return subscription;
  }
}
