package io.hookyard.console.delivery;

import io.hookyard.console.api.DeliveryApi;
import io.hookyard.console.api.Model.Destination;
import io.hookyard.console.api.Model.Replay;
import io.hookyard.console.api.Model.Subscription;
import io.hookyard.console.api.RulesApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** What the log pages look up beside the deliveries: names for ids, and a replay's outcome. */
@ApplicationScoped
public class LogLookups {

  /** Names of destinations and subscriptions by id, for tables that hold ids. */
  public record Names(
      Map<String, String> destinations,
      Map<String, String> subscriptions,
      List<Destination> destinationList,
      List<Subscription> subscriptionList) {

    public String destination(String id) {
      return id == null ? "—" : destinations.getOrDefault(id, id);
    }

    public String subscription(String id) {
      return id == null ? "—" : subscriptions.getOrDefault(id, id);
    }
  }

  private final DeliveryApi delivery;
  private final RulesApi rules;

  public LogLookups(@RestClient DeliveryApi delivery, @RestClient RulesApi rules) {
    this.delivery = delivery;
    this.rules = rules;
  }

  public Names names(String tenant) {
    List<Destination> destinations = delivery.destinations(tenant);
    List<Subscription> subscriptions = rules.subscriptions(tenant);
    return new Names(
        destinations.stream()
            .collect(Collectors.toMap(Destination::id, Destination::name, (a, b) -> a)),
        subscriptions.stream()
            .collect(Collectors.toMap(Subscription::id, Subscription::name, (a, b) -> a)),
        destinations,
        subscriptions);
  }

  /** What a replay did, in a sentence for the page's notice; null without a replay. */
  public String replayNotice(String tenant, String replayId) {
    if (replayId == null || replayId.isBlank()) {
      return null;
    }
    Replay replay = delivery.replay(tenant, replayId);
    String skipped =
        replay.skipped() > 0
            ? ", " + replay.skipped() + " left alone because an attempt was in flight"
            : "";
    return "Replay "
        + replay.id()
        + ": "
        + replay.queued()
        + " of "
        + replay.matched()
        + " deliveries queued again"
        + skipped
        + ".";
  }
}
