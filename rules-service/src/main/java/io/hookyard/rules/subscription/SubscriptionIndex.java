package io.hookyard.rules.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enabled subscriptions of each tenant, indexed for matching: by exact event type, by type
 * prefix ({@code fleet.*}) and catch-all ({@code *}), so an event is compared only with the
 * subscriptions that can take its type. A tenant's index is rebuilt after a change made through
 * this instance, and at least every few seconds for changes made through another replica.
 */
@ApplicationScoped
public class SubscriptionIndex {
  static final Duration MAX_AGE = Duration.ofSeconds(2);

  private final ConcurrentHashMap<String, TenantIndex> byTenant = new ConcurrentHashMap<>();
  private final SubscriptionRepository subscriptions;
  private final Clock clock;

  public SubscriptionIndex(SubscriptionRepository subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  /** The enabled subscriptions of {@code tenant} whose types take {@code type}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Subscription> candidates(String tenant, String type, String sourceId) {
    Instant now = clock.instant();
    TenantIndex index = byTenant.get(tenant);
    if (index == null || index.builtAt().plus(MAX_AGE).isBefore(now)) {
      index = TenantIndex.of(subscriptions.enabledIn(tenant), now);
      byTenant.put(tenant, index);
    }
    return index.candidates(type, sourceId);
  }

  /** Forgets a tenant's index after one of its subscriptions changed. */
  public void invalidate(String tenant) {
    byTenant.remove(tenant);
  }

  record TenantIndex(
      Map<String, List<Subscription>> exact,
      Map<String, List<Subscription>> prefixes,
      List<Subscription> everything,
      Instant builtAt) {

    static TenantIndex of(List<Subscription> enabled, Instant builtAt) {
      Map<String, List<Subscription>> exact = new HashMap<>();
      Map<String, List<Subscription>> prefixes = new HashMap<>();
      List<Subscription> everything = new ArrayList<>();
      for (Subscription subscription : enabled) {
        for (String pattern : subscription.eventTypes) {
          if (pattern.equals("*")) {
            everything.add(subscription);
          } else if (EventTypePattern.isPrefix(pattern)) {
            prefixes
                .computeIfAbsent(pattern.substring(0, pattern.length() - 1), p -> new ArrayList<>())
                .add(subscription);
          } else {
            exact.computeIfAbsent(pattern, p -> new ArrayList<>()).add(subscription);
          }
        }
      }
      return new TenantIndex(exact, prefixes, everything, builtAt);
    }

    /** Each subscription once, even when several of its patterns take the type. */
    List<Subscription> candidates(String type, String sourceId) {
      Map<String, Subscription> found = new java.util.LinkedHashMap<>();
      exact.getOrDefault(type, List.of()).forEach(s -> found.putIfAbsent(s.id, s));
      for (int i = 0; i < type.length(); i++) {
        char c = type.charAt(i);
        if (c == '.' || c == '/') {
          prefixes
              .getOrDefault(type.substring(0, i + 1), List.of())
              .forEach(s -> found.putIfAbsent(s.id, s));
        }
      }
      everything.forEach(s -> found.putIfAbsent(s.id, s));
      return found.values().stream().filter(s -> s.takesSource(sourceId)).toList();
    }
  }
}
