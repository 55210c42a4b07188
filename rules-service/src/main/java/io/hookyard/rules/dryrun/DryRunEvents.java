package io.hookyard.rules.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.rules.matching.ReceivedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Turns the four ways of giving a dry run its event into one CloudEvent of the tenant. */
@ApplicationScoped
class DryRunEvents {
  private final ReceivedEventRepository receivedEvents;
  private final VendorSampleClient catalogue;

  DryRunEvents(ReceivedEventRepository receivedEvents, @RestClient VendorSampleClient catalogue) {
    this.receivedEvents = receivedEvents;
    this.catalogue = catalogue;
  }

  CloudEvent eventOf(String tenant, DryRunRequest request) {
    int given =
        (request.event() != null ? 1 : 0)
            + (request.data() != null || request.type() != null ? 1 : 0)
            + (request.eventId() != null ? 1 : 0)
            + (request.sample() != null ? 1 : 0);
    if (given != 1) {
      throw ProblemException.badRequest(
          "invalid-input", "Give exactly one of event, type and data, eventId or sample.");
    }
    if (request.event() != null) {
      return pasted(tenant, request.event());
    }
    if (request.eventId() != null) {
      return received(tenant, request.eventId());
    }
    if (request.sample() != null) {
      return sample(tenant, request.sample());
    }
    if (request.type() == null) {
      throw ProblemException.badRequest("invalid-input", "Plain data needs its event type.");
    }
    return plain(tenant, request.type(), request.subject(), request.data(), request.old());
  }

  private static CloudEvent pasted(String tenant, JsonNode event) {
    try {
      CloudEvent parsed =
          CloudEventJson.deserialize(event.toString().getBytes(StandardCharsets.UTF_8));
      return CloudEventBuilder.v1(parsed).withExtension(EventAttributes.TENANT, tenant).build();
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "invalid-event", "The event is not a CloudEvent in JSON: " + e.getMessage());
    }
  }

  private CloudEvent received(String tenant, String eventId) {
    return receivedEvents
        .findByIdOptional(eventId)
        .filter(event -> event.tenant.equals(tenant))
        .map(event -> CloudEventJson.deserialize(event.envelope))
        .orElseThrow(() -> ProblemException.notFound("No event '" + eventId + "' in this tenant."));
  }

  private CloudEvent sample(String tenant, DryRunRequest.Sample sample) {
    JsonNode vendor;
    try {
      vendor = catalogue.vendor(sample.vendor());
    } catch (WebApplicationException e) {
      throw ProblemException.notFound("No vendor '" + sample.vendor() + "'.");
    } catch (ProcessingException e) {
      throw ProblemException.unavailable("The vendor catalogue cannot be reached right now.");
    }
    for (JsonNode candidate : vendor.path("samples")) {
      if (candidate.path("type").asText().equals(sample.type())) {
        JsonNode data = parse(candidate.path("payload").asText());
        return plain(tenant, sample.type(), null, data, null);
      }
    }
    throw ProblemException.notFound(
        "Vendor '" + sample.vendor() + "' has no sample of type '" + sample.type() + "'.");
  }

  private static CloudEvent plain(
      String tenant, String type, String subject, JsonNode data, JsonNode old) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId("dry-run")
            .withSource(URI.create("/dry-run"))
            .withType(type)
            .withExtension(EventAttributes.TENANT, tenant);
    if (data != null) {
      builder.withData("application/json", data.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (subject != null) {
      builder.withSubject(subject);
    }
    if (old != null) {
      builder.withExtension(EventAttributes.PREVIOUS_DATA, old.toString());
    }
    return builder.build();
  }

  private static JsonNode parse(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      // The catalogue's samples are JSON; anything else is shown as text.
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(json);
    }
  }
}
