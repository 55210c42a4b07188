package io.hookyard.common.action;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.hookyard.common.event.CloudEventJson;
import io.hookyard.common.template.Preset;
import io.hookyard.common.template.TemplateContext;
import io.hookyard.common.template.TemplateEngine;
import io.hookyard.common.template.TemplateException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepRendererTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String FLEET_CALENDAR =
      """
      {"timestamp":"2024-03-28T13:57:31.668954-05:00","host_id":11058,
       "host_display_name":"Victor's Virtual Machine (2)","host_serial_number":"Z5C4L7GKY0",
       "failing_policies":[{"id":479,"name":"macOS - OS version up to date"}]}""";

  final TemplateEngine engine = new TemplateEngine(Clock.systemUTC());
  final StepRenderer renderer = new StepRenderer(engine);

  @Test
  void aPlainSubscriptionSendsTheCloudEventAsItIs() {
    CloudEvent event = event(FLEET_CALENDAR, null);
    var request =
        (RenderedStep.Request)
            renderer.render(
                Step.sendEvent("deliver", "dst_1"), event, TemplateContext.of(event), "https://x");
    assertEquals("POST", request.method());
    assertEquals("https://x", request.url());
    assertArrayEquals(CloudEventJson.serialize(event), request.body());
    assertEquals(CloudEventJson.CONTENT_TYPE, request.headers().get("Content-Type"));
  }

  @Test
  void theFleetMdmStepsRenderFromTheEventAndTheHostLookup() throws Exception {
    CloudEvent event = event(FLEET_CALENDAR, null);
    Step lookup =
        Step.ofRequest(
            "host",
            "dst_fleet",
            null,
            "/api/v1/fleet/hosts/{data.host_id}",
            Map.of("Authorization", "Bearer {credentials.fleet.token}"),
            null);
    TemplateContext context =
        TemplateContext.of(event).withCredentials(Map.of("fleet", Map.of("token", "t0k")));
    var get =
        (RenderedStep.Request) renderer.render(lookup, event, context, "https://fleet.example/");
    assertEquals("GET", get.method());
    assertEquals("https://fleet.example/api/v1/fleet/hosts/11058", get.url());
    assertEquals("Bearer t0k", get.headers().get("Authorization"));

    context.withStep("host", 200, Map.of(), JSON.readTree("{\"host\":{\"uuid\":\"A1B2-C3\"}}"));
    Step command =
        Step.ofRequest(
            "command",
            "dst_fleet",
            "POST",
            "/api/v1/fleet/commands/run",
            null,
            """
            {"host_uuids":[{steps.host.response.body.host.uuid.json}],"command":"{#base64}\
            <plist version="1.0"><dict><key>CommandUUID</key><string>{fn:uuid}</string>\
            <key>ProductVersion</key><string>14.4.1</string></dict></plist>{/base64}"}""");
    var post =
        (RenderedStep.Request) renderer.render(command, event, context, "https://fleet.example");
    JsonNode body = JSON.readTree(post.body());
    assertEquals("A1B2-C3", body.at("/host_uuids/0").asText());
    String plist =
        new String(
            Base64.getDecoder().decode(body.path("command").asText()), StandardCharsets.UTF_8);
    assertTrue(plist.contains("<string>14.4.1</string>"), plist);
    assertEquals("application/json", post.headers().get("Content-Type"));
  }

  @Test
  void aPresetStepBuildsItsBodyFromTheFields() throws Exception {
    CloudEvent event = event("{\"alert\":\"CPU \\\"high\\\"\"}", null);
    Step slack =
        Step.ofPreset("notify", "dst_slack", Preset.SLACK, Map.of("text", "Alert: {data.alert}"));
    var request =
        (RenderedStep.Request)
            renderer.render(slack, event, TemplateContext.of(event), "https://hooks");
    assertEquals("Alert: CPU \"high\"", JSON.readTree(request.body()).path("text").asText());
  }

  @Test
  void oldComesFromThePreviousDataTheEnvelopeCarries() {
    CloudEvent event = event("{\"power\":\"OFF\"}", "{\"power\":\"ON\"}");
    Step step =
        Step.ofRequest("s", "d", null, null, null, "{old.power}->{data.power} {changed.power}");
    var request =
        (RenderedStep.Request) renderer.render(step, event, TemplateContext.of(event), "h");
    assertEquals("ON->OFF true", new String(request.body(), StandardCharsets.UTF_8));
  }

  @Test
  void anEmailStepRendersEveryField() {
    CloudEvent event = event("{\"host\":\"srv-1\"}", null);
    Step mail =
        Step.ofEmail(
            "mail",
            "dst_mail",
            new Email(
                List.of("ops@example.com"), "Down: {data.host}", "<b>{data.host.xml}</b>", null));
    var rendered =
        (RenderedStep.Mail) renderer.render(mail, event, TemplateContext.of(event), null);
    assertEquals("Down: srv-1", rendered.subject());
    assertEquals("<b>srv-1</b>", rendered.html());
  }

  @Test
  void anEmailStepWithTheEmailPresetLaysOutBothPartsFromTheFields() {
    CloudEvent event = event("{\"host\":\"srv-1 <main>\"}", null);
    Step mail =
        new Step(
            "mail",
            "dst_mail",
            null,
            null,
            null,
            null,
            null,
            Preset.EMAIL,
            Map.of("title", "Down: {data.host}", "text", "Host {data.host}\n\nis down"),
            new Email(List.of("ops@example.com"), null, null, null, List.of("{data.host}@x.test")),
            null);
    var rendered =
        (RenderedStep.Mail) renderer.render(mail, event, TemplateContext.of(event), null);
    assertEquals("Down: srv-1 <main>", rendered.subject());
    assertTrue(rendered.html().contains("<h2"), rendered.html());
    assertTrue(rendered.html().contains("Down: srv-1 &lt;main&gt;"), rendered.html());
    assertTrue(rendered.html().contains("<p>is down</p>"), rendered.html());
    assertEquals("Down: srv-1 <main>\n\nHost srv-1 <main>\n\nis down", rendered.text());
    assertEquals(List.of("srv-1 <main>@x.test"), rendered.cc());
  }

  @Test
  void anEmailStepNeedsASubjectAndAPartUnlessItUsesTheEmailPreset() {
    Step bare = Step.ofEmail("mail", "d", new Email(List.of("a@x.test"), null, null, null));
    Step presetWithoutMail = Step.ofPreset("preset", "d", Preset.EMAIL, null);
    Step withPreset =
        new Step(
            "ok",
            "d",
            null,
            null,
            null,
            null,
            null,
            Preset.EMAIL,
            null,
            new Email(List.of("a@x.test"), null, null, null),
            null);
    var errors =
        new ActionChecks(engine)
            .check(new Action(List.of(bare, presetWithoutMail, withPreset), null), "action");
    List<String> fields = errors.stream().map(e -> e.field()).toList();
    assertEquals(
        List.of("action.steps[0].email.subject", "action.steps[0].email", "action.steps[1].email"),
        fields);
  }

  @Test
  void aMethodOrPathThatRendersBadlyIsARenderError() {
    CloudEvent event = event("{\"m\":\"FETCH\",\"p\":\"x\"}", null);
    Step badMethod = Step.ofRequest("s", "d", "{data.m}", null, null, null);
    Step badPath = Step.ofRequest("s", "d", null, "{data.p}", null, null);
    var context = TemplateContext.of(event);
    assertEquals(
        TemplateException.Kind.RENDER,
        assertThrows(TemplateException.class, () -> renderer.render(badMethod, event, context, "h"))
            .kind());
    assertThrows(TemplateException.class, () -> renderer.render(badPath, event, context, "h"));
  }

  @Test
  void checksNameEveryBadTemplateAndStepByItsPath() {
    Step good = Step.sendEvent("first", "d");
    Step badBody = Step.ofRequest("second", "d", null, null, null, "{#if}");
    Step duplicate = Step.ofPreset("first", "d", Preset.SLACK, Map.of("size", "x"));
    var errors =
        new ActionChecks(engine)
            .check(new Action(List.of(good, badBody, duplicate), null), "action");
    List<String> fields = errors.stream().map(e -> e.field()).toList();
    assertTrue(fields.contains("action.steps[1].body"), fields.toString());
    assertTrue(fields.contains("action.steps[2].name"), fields.toString());
    assertTrue(fields.contains("action.steps[2].fields"), fields.toString());
    String bodyError =
        errors.stream()
            .filter(e -> e.field().endsWith("[1].body"))
            .findFirst()
            .orElseThrow()
            .message();
    assertTrue(bodyError.startsWith("line 1"), bodyError);
  }

  private static CloudEvent event(String data, String previous) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId("evt_1")
            .withSource(URI.create("/hooks/acme/fleet"))
            .withType("fleet.calendar")
            .withData("application/json", data.getBytes(StandardCharsets.UTF_8))
            .withExtension("tenant", "acme");
    if (previous != null) {
      builder.withExtension("previousdata", previous);
    }
    return builder.build();
  }
}
