package io.hookyard.console.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void aTemplatedRequestIsShownAsItsJsonDefinitionAndSavedAsEdited() {
    Step templated =
        new Step(
            "ticket",
            "dst_b",
            "data/severity eq 'high'",
            "PUT",
            "/tickets/{data.id}",
            Map.of("X-Kind", "alert"),
            "{\"title\": \"{event.type}\"}",
            null,
            null,
            null,
            List.of("10s", "1m"));
    Subscription saved =
        new Subscription(
            "sub_1",
            "alerts",
            null,
            true,
            List.of("fleet.host"),
            null,
            null,
            null,
            new Action(List.of(templated), null),
            null);

    SubscriptionForm.StepForm shown =
        SubscriptionForm.of(saved, java.util.Set.of()).steps().getFirst();

    assertTrue(shown.kept());
    assertEquals("Templated request: PUT /tickets/{data.id}", shown.summary());
    assertEquals("dst_b", shown.destinationId());
    assertFalse(shown.definition().contains("\"name\""), "the name has its own field");
    assertFalse(shown.definition().contains("dst_b"), "so has the destination");
    assertTrue(shown.definition().contains("\"path\" : \"/tickets/{data.id}\""));
    assertTrue(shown.definition().contains("\"retrySchedule\" : [ \"10s\", \"1m\" ]"));
    assertFalse(shown.definition().contains("preset"), shown.definition());

    MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    form.add("name", "alerts");
    form.add("stepCount", "1");
    form.add("step.0.name", "ticket");
    form.add("step.0.destinationId", "dst_c");
    form.add("step.0.kept", "1");
    form.add("step.0.definition", shown.definition().replace("PUT", "POST"));

    @SuppressWarnings("unchecked")
    Map<String, Object> action =
        (Map<String, Object>) SubscriptionForm.read(form).toRequest(saved).get("action");
    @SuppressWarnings("unchecked")
    Map<String, Object> step = (Map<String, Object>) ((List<?>) action.get("steps")).getFirst();

    assertEquals("ticket", step.get("name"));
    assertEquals("dst_c", step.get("destinationId"), "the destination picked in the row");
    assertEquals("POST", step.get("method"));
    assertEquals("/tickets/{data.id}", step.get("path"));
    assertEquals(Map.of("X-Kind", "alert"), step.get("headers"));
    assertEquals("data/severity eq 'high'", step.get("condition"));
    assertEquals(List.of("10s", "1m"), step.get("retrySchedule"));
  }

  @Test
  void anEMailStepIsShownAsJsonToo() {
    Step email =
        new Step(
            "mail",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            JsonNodeFactory.instance.objectNode().put("to", "ops@example.com"),
            null);
    Subscription saved = mailSubscription("sub_2", email);

    SubscriptionForm.StepForm shown =
        SubscriptionForm.of(saved, java.util.Set.of()).steps().getFirst();

    assertEquals("E-mail", shown.summary());
    assertEquals("", shown.destinationId());
    assertTrue(shown.definition().contains("\"to\" : \"ops@example.com\""), shown.definition());
  }

  @Test
  void theEMailPresetIsEditedAsJsonAndKeepsItsPreset() {
    Step email =
        new Step(
            "mail",
            "dst_mail",
            null,
            null,
            null,
            null,
            null,
            "EMAIL",
            Map.of("title", "{event.type}"),
            null,
            null);
    Subscription saved = mailSubscription("sub_3", email);
    SubscriptionForm.StepForm shown =
        SubscriptionForm.of(saved, java.util.Set.of()).steps().getFirst();
    assertTrue(shown.kept(), "not offered as a preset the picker would replace");
    assertEquals("E-mail", shown.summary());

    MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    form.add("name", "mail");
    form.add("stepCount", "1");
    form.add("step.0.name", "mail");
    form.add("step.0.destinationId", "dst_mail");
    form.add("step.0.kept", "1");
    form.add("step.0.definition", shown.definition());
    @SuppressWarnings("unchecked")
    Map<String, Object> action =
        (Map<String, Object>) SubscriptionForm.read(form).toRequest(saved).get("action");

    assertEquals(
        Map.of(
            "name", "mail",
            "destinationId", "dst_mail",
            "preset", "EMAIL",
            "fields", Map.of("title", "{event.type}")),
        ((List<?>) action.get("steps")).getFirst());
  }

  @Test
  void aDefinitionThatIsNotAJsonObjectIsRefusedWithWhere() {
    MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    form.add("name", "alerts");
    form.add("stepCount", "1");
    form.add("step.0.name", "ticket");
    form.add("step.0.kept", "1");
    form.add("step.0.definition", "{\n  \"method\": \"POST\",\n  \"path\": }");

    SubscriptionForm read = SubscriptionForm.read(form);
    SubscriptionForm.InvalidStep refused =
        assertThrows(SubscriptionForm.InvalidStep.class, () -> read.toRequest(null));

    assertTrue(refused.getMessage().startsWith("Step 'ticket'"), refused.getMessage());
    assertTrue(refused.getMessage().contains("line 3"), refused.getMessage());
    assertThrows(
        SubscriptionForm.InvalidStep.class,
        () -> {
          form.putSingle("step.0.definition", "[1, 2]");
          SubscriptionForm.read(form).toRequest(null);
        });
  }

  /** A saved subscription named "mail" whose action is the one step given. */
  private static Subscription mailSubscription(String id, Step step) {
    return new Subscription(
        id,
        "mail",
        null,
        true,
        List.of("x"),
        null,
        null,
        null,
        new Action(List.of(step), null),
        null);
  }
}
