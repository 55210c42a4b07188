package io.hookyard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.hookyard.common.action.Email;
import io.hookyard.common.action.RenderedStep;
import io.hookyard.common.action.Step;
import io.hookyard.common.action.StepRenderer;
import io.hookyard.common.event.EventAttributes;
import io.hookyard.common.template.Preset;
import io.hookyard.common.template.TemplateContext;
import io.hookyard.common.template.TemplateEngine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steps rendered per second on one thread, each as delivery-service renders it for a real send: the
 * template context built from the envelope (its data and previous data parsed), then the step's
 * templates rendered into a request or an e-mail. The steps are the seeds': HPE Compute Ops
 * Management's shutdown to a Slack message, a Teams card, a record API body and an e-mail, and
 * Fleet's MDM command with its base64 plist and the host lookup's answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TemplateBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Map<String, String>> CREDENTIALS =
      Map.of("api", Map.of("token", "t0k3n"));
  private static final String SHUTDOWN =
      "Server {data.name} ({data.hardware.model}, S/N {data.serialNumber}) went"
          + " {old.hardware.powerState} -> {data.hardware.powerState}";

  @Param({
    "slack-preset",
    "teams-adaptive-card",
    "record-api-json",
    "email",
    "fleet-mdm-command",
    "cloudevent-as-is"
  })
  public String step;

  private final StepRenderer renderer = new StepRenderer(new TemplateEngine(Clock.systemUTC()));
  private Step rendered;
  private CloudEvent event;
  private Object lookupAnswer;

  @Setup
  public void prepare() throws Exception {
    boolean fleet = step.equals("fleet-mdm-command");
    event = fleet ? fleetCalendarEvent() : hpeShutdownEvent();
    lookupAnswer = JSON.readTree("{\"host\":{\"uuid\":\"A1B2C3D4-0000-1111-2222-333344445555\"}}");
    rendered = steps().get(step);
  }

  @Benchmark
  public RenderedStep render() {
    TemplateContext context = TemplateContext.of(event).withCredentials(CREDENTIALS);
    if (rendered.name().equals("command")) {
      context.withStep("host", 200, Map.of(), lookupAnswer);
    }
    return renderer.render(rendered, event, context, "https://destination.example/base");
  }

  private static Map<String, Step> steps() {
    return Map.of(
        "slack-preset",
        preset(
            Preset.SLACK_BLOCKS,
            Map.of(
                "title",
                "Server {data.name} shut down",
                "text",
                ":warning: " + SHUTDOWN + ", tags {data.tags.Location}")),
        "teams-adaptive-card",
        preset(
            Preset.TEAMS_ADAPTIVE_CARD,
            Map.of("title", "Server {data.name} shut down", "text", SHUTDOWN, "color", "#D70000")),
        "record-api-json",
        request(
            "record",
            "POST",
            "/v1/pages",
            "{\"server\":{data.name.json},\"serial\":{data.serialNumber.json},"
                + "\"powerState\":{data.hardware.powerState.json},\"tags\":"
                + "{#json}{#for t in data.tags.entries}Tag{t_count}:{t.key}/{t.value}"
                + "{#if t_hasNext}\n{/if}{/for}{/json}}"),
        "email",
        Step.ofEmail(
            "mail",
            "dst_mail",
            new Email(
                List.of("oncall@acme.example"),
                "Server {data.name} shut down",
                "<p>" + SHUTDOWN + "</p>",
                SHUTDOWN + "\n{#for t in data.tags.entries}{t.key}: {t.value}\n{/for}")),
        "fleet-mdm-command",
        request(
            "command",
            "POST",
            "/api/v1/fleet/commands/run",
            "{\"host_uuids\":[{steps.host.response.body.host.uuid.json}],\"command\":\"{#base64}"
                + "<plist version=\"1.0\"><dict><key>CommandUUID</key><string>{fn:uuid}</string>"
                + "<key>RequestType</key><string>ScheduleOSUpdate</string>"
                + "<key>ProductVersion</key><string>14.4.1</string></dict></plist>{/base64}\"}"),
        "cloudevent-as-is",
        Step.sendEvent("deliver", "dst_sink"));
  }

  private static Step preset(Preset preset, Map<String, String> fields) {
    return Step.ofPreset("notify", "dst_chat", preset, fields);
  }

  private static Step request(String name, String method, String path, String body) {
    return Step.ofRequest(
        name,
        "dst_api",
        method,
        path,
        Map.of("Authorization", "Bearer {credentials.api.token}"),
        body);
  }

  private static CloudEvent hpeShutdownEvent() {
    return envelope(
        "compute-ops-mgmt.server.updated",
        FilterBenchmark.server("OFF", "OK"),
        FilterBenchmark.server("ON", "OK"));
  }

  private static CloudEvent fleetCalendarEvent() {
    return envelope(
        "fleet.calendar",
        """
        {"timestamp":"2024-03-28T13:57:31.668954-05:00","host_id":11058,
         "host_display_name":"Victor's Virtual Machine (2)","host_serial_number":"Z5C4L7GKY0",
         "failing_policies":[{"id":479,"name":"macOS - OS version up to date"}]}""",
        null);
  }

  private static CloudEvent envelope(String type, String data, String previous) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId("evt_0000000000000001")
            .withSource(URI.create("/hooks/acme/source"))
            .withType(type)
            .withTime(OffsetDateTime.parse("2026-11-22T10:00:00Z"))
            .withExtension("tenant", "acme")
            .withData("application/json", data.getBytes(StandardCharsets.UTF_8));
    if (previous != null) {
      builder.withExtension(EventAttributes.PREVIOUS_DATA, previous);
    }
    return builder.build();
  }
}
