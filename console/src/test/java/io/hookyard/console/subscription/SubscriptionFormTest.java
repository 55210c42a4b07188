package io.hookyard.console.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hookyard.console.api.Model.Action;
import io.hookyard.console.api.Model.Step;
import io.hookyard.console.api.Model.Subscription;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionFormTest {

  @Test
  void theFormBecomesARequestWithPresetStepsAndKeepsWhatItCannotEdit() {
    Step templated =
        new Step(
            "ticket", "dst_b", null, "POST", "/tickets", Map.of(), "{}", null, null, null, null);
    Subscription saved =
        new Subscription(
            "sub_1",
            "alerts",
            null,
            true,
            List.of("fleet.host"),
            List.of("src_1"),
            null,
            null,
            new Action(
                List.of(templated),
                JsonNodeFactory.instance.objectNode().put("when", "data/x eq 1")),
            null);
    MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    form.add("name", "alerts");
    form.add("enabled", "on");
    form.add("eventTypes", "fleet.host");
    form.add("otherEventTypes", "jamf.*, ,custom.type");
    form.add("filter", "data/severity eq 'high'");
    form.add("stepCount", "3");
    form.add("step.0.name", "ticket");
    form.add("step.0.destinationId", "dst_b");
    form.add("step.0.kept", "1");
    form.add("step.1.name", "notify");
    form.add("step.1.destinationId", "dst_a");
    form.add("step.1.preset", "SLACK");
    form.add("step.1.title", "{event.type}");
    form.add("step.2.name", "");

    Map<String, Object> request = SubscriptionForm.read(form).toRequest(saved);

    assertEquals(List.of("fleet.host", "jamf.*", "custom.type"), request.get("eventTypes"));
    assertEquals(List.of("src_1"), request.get("sources"));
    assertEquals(true, request.get("enabled"));
    @SuppressWarnings("unchecked")
    Map<String, Object> action = (Map<String, Object>) request.get("action");
    List<?> steps = (List<?>) action.get("steps");
    assertEquals(2, steps.size());
    assertSame(templated, steps.getFirst());
    assertEquals(
        Map.of(
            "name", "notify",
            "destinationId", "dst_a",
            "preset", "SLACK",
            "fields", Map.of("title", "{event.type}")),
        steps.get(1));
    assertEquals(saved.action().errorRoute(), action.get("errorRoute"));
  }

  @Test
  void aRemovedStepAndAnUncheckedBoxAreLeftOut() {
    MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    form.add("name", "quiet");
    form.add("stepCount", "1");
    form.add("step.0.name", "deliver");
    form.add("step.0.remove", "on");

    SubscriptionForm read = SubscriptionForm.read(form);

    assertFalse(read.enabled());
    assertEquals(List.of(), read.steps());
  }
}
