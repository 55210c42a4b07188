package io.hookyard.delivery.destination;

import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Creates and reads destinations. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DestinationService {
  private final DestinationRepository destinations;
  private final Clock clock;

  public DestinationService(DestinationRepository destinations, Clock clock) {
    this.destinations = destinations;
    this.clock = clock;
  }

  public DestinationView create(String tenant, DestinationRequest request) {
    requireValidUrl(request.url());
    if (destinations.nameTaken(tenant, request.name())) {
      throw ProblemException.conflict(
          "destination-exists",
          "This tenant already has a destination named '" + request.name() + "'.");
    }
    Instant now = clock.instant();
    Destination destination = new Destination();
    destination.id = Ids.newId(Ids.DESTINATION, clock);
    destination.tenant = tenant;
    destination.name = request.name();
    destination.url = request.url();
    destination.createdAt = now;
    destination.updatedAt = now;
    destinations.persist(destination);
    return DestinationView.of(destination);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DestinationView> list(String tenant) {
    return destinations.listByTenant(tenant).stream().map(DestinationView::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DestinationView get(String tenant, String id) {
    return destinations
        .findInTenant(tenant, id)
        .map(DestinationView::of)
        .orElseThrow(
            () -> ProblemException.notFound("No destination '" + id + "' in this tenant."));
  }

  private static void requireValidUrl(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        throw ProblemException.badRequest("invalid-url", "The URL has no host.");
      }
    } catch (URISyntaxException e) {
      throw ProblemException.badRequest("invalid-url", "The URL is not valid: " + e.getReason());
    }
  }
}
