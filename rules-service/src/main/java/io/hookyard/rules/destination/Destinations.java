package io.hookyard.rules.destination;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookyard.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** What rules-service may know of delivery-service's destinations: whether one exists. */
@ApplicationScoped
public class Destinations {
  private static final Logger LOG = Logger.getLogger(Destinations.class);

  private final DestinationClient client;

  public Destinations(@RestClient DestinationClient client) {
    this.client = client;
  }

  /**
   * True when the tenant has the destination, false when it has not.
   *
   * @throws ProblemException 503 when delivery-service cannot say, so the admin tries again rather
   *     than saving a subscription nobody checked
   */
  public boolean exists(String tenant, String destinationId) {
    return baseUrl(tenant, destinationId).isPresent();
  }

  /**
   * The destination's base URL (empty text for a destination without one, such as e-mail), or empty
   * when the tenant has no such destination.
   */
  public Optional<String> baseUrl(String tenant, String destinationId) {
    int status;
    JsonNode destination = null;
    try (Response response = client.get(tenant, destinationId)) {
      status = response.getStatus();
      if (status == 200 && response.hasEntity()) {
        destination = response.readEntity(JsonNode.class);
      }
    } catch (WebApplicationException e) {
      // The client's default mapper turns error statuses into exceptions.
      status = e.getResponse().getStatus();
    } catch (ProcessingException e) {
      throw unavailable(e.getMessage());
    }
    return switch (status) {
      case 200 -> Optional.of(urlOf(destination));
      case 404 -> Optional.empty();
      default -> throw unavailable("it answered " + status);
    };
  }

  private static String urlOf(JsonNode destination) {
    JsonNode url = destination == null ? null : destination.get("url");
    return url == null || !url.isTextual() ? "" : url.asText();
  }

  private static ProblemException unavailable(String why) {
    LOG.warnf("Could not check a destination with delivery-service: %s", why);
    return ProblemException.unavailable(
        "delivery-service could not confirm the destination right now; try again shortly.");
  }
}
