package io.hookyard.common.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

  final TemplateEngine engine = new TemplateEngine(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void anObjectsMembersAreListedAsEntriesWithTheirPosition() {
    var context =
        context("{\"tags\":{\"Location\":\"Houston\",\"Owner\":\"James\"},\"list\":[1]}", null);
    assertEquals(
        "Tag1:Location/Houston\nTag2:Owner/James\n",
        engine.render(
            "{#for t in data.tags.entries}Tag{t_count}:{t.key}/{t.value}\n{/for}", context));
    assertEquals("", engine.render("{#for t in data.list.entries}{t.key}{/for}", context));
  }

  @Test
  void walksTheEnvelopeTheDataArraysAndTheTenant() {
    var context = context("{\"host\":{\"name\":\"mac-7\"},\"policies\":[{\"name\":\"os\"}]}", null);
    assertEquals(
        "fleet.calendar on mac-7 (acme): os, 1 policy",
        engine.render(
            "{event.type} on {data.host.name} ({tenant}): {data.policies.0.name},"
                + " {data.policies.size} policy",
            context));
  }

  @Test
  void loopsOverJsonArrays() {
    var context = context("{\"policies\":[{\"name\":\"a\"},{\"name\":\"b\"}]}", null);
    assertEquals("a;b;", engine.render("{#for p in data.policies}{p.name};{/for}", context));
  }

  @Test
  void jsonHelperQuotesAndEscapesTextAndWritesObjectsAsJson() throws Exception {
    var context = context("{\"text\":\"say \\\"hi\\\"\\n\",\"obj\":{\"a\":1}}", null);
    String body = engine.render("{\"t\":{data.text.json},\"o\":{data.obj}}", context);
    JsonNode parsed = JSON.readTree(body);
    assertEquals("say \"hi\"\n", parsed.path("t").asText());
    assertEquals(1, parsed.path("o").path("a").asInt());
  }

  @Test
  void encodingHelpers() {
    var context = context("{\"name\":\"Tom & <Jerry>\",\"list\":[\"x\",\"y\"]}", null);
    assertEquals("Tom &amp; &lt;Jerry&gt;", engine.render("{data.name.xml}", context));
    assertEquals("Tom+%26+%3CJerry%3E", engine.render("{data.name.urlencode}", context));
    assertEquals(
        Base64.getEncoder().encodeToString("Tom & <Jerry>".getBytes(StandardCharsets.UTF_8)),
        engine.render("{data.name.base64}", context));
    assertEquals(
        "TOM & <JERRY>|tom & <jerry>",
        engine.render("{data.name.upper}|{data.name.lower}", context));
    assertEquals("x, y", engine.render("{data.list.join(', ')}", context));
  }

  @Test
  void defaultsAndOrFillMissingValues() {
    var context = context("{\"name\":\"\",\"host\":{}}", null);
    assertEquals("none", engine.render("{data.name.default('none')}", context));
    assertEquals("n/a", engine.render("{data.host.serial.default('n/a')}", context));
    assertEquals("n/a", engine.render("{data.host.serial ?: 'n/a'}", context));
  }

  @Test
  void datesAreFormattedInUtcOrAZone() {
    var context = context("{\"at\":\"2026-11-22T23:30:00Z\"}", null);
    assertEquals(
        "2026-11-22 23:30", engine.render("{data.at.format('yyyy-MM-dd HH:mm')}", context));
    assertEquals(
        "2026-11-23 00:30",
        engine.render("{data.at.format('yyyy-MM-dd HH:mm', 'Europe/Paris')}", context));
    assertEquals(NOW.toString(), engine.render("{fn:now}", context));
    assertEquals("2026", engine.render("{fn:now('yyyy')}", context));
  }

  @Test
  void everyUuidIsFresh() {
    var context = context("{}", null);
    String first = engine.render("{fn:uuid}", context);
    String second = engine.render("{fn:uuid}", context);
    assertEquals(first, UUID.fromString(first).toString());
    assertTrue(!first.equals(second));
  }

  @Test
  void aBlockCanBeEncodedWhole() throws Exception {
    var context = context("{\"version\":\"15.1\"}", null);
    String rendered = engine.render("{#base64}<string>{data.version}</string>{/base64}", context);
    assertEquals(
        "<string>15.1</string>",
        new String(Base64.getDecoder().decode(rendered), StandardCharsets.UTF_8));
    assertEquals(
        "line 1\nline 15.1",
        JSON.readTree(engine.render("{#json}line 1\nline {data.version}{/json}", context))
            .asText());
  }

  @Test
  void oldAndChangedDescribeTheTransition() {
    var context =
        context("{\"power\":\"OFF\",\"name\":\"srv\"}", "{\"power\":\"ON\",\"name\":\"srv\"}");
    assertEquals(
        "ON->OFF changed=true name=false",
        engine.render(
            "{old.power}->{data.power} changed={changed.power} name={changed.name}", context));
  }

  @Test
  void earlierStepResponsesAndCredentialsAreVisible() {
    var context =
        context("{}", null)
            .withStep(
                "host",
                200,
                Map.of("content-type", "application/json"),
                json("{\"host\":{\"uuid\":\"H-1\"}}"))
            .withCredentials(Map.of("fleet", Map.of("token", "s3cret")));
    assertEquals(
        "200 H-1 Bearer s3cret",
        engine.render(
            "{steps.host.response.status} {steps.host.response.body.host.uuid}"
                + " Bearer {credentials.fleet.token}",
            context));
  }

  @Test
  void aSyntaxErrorNamesItsLine() {
    TemplateException error =
        assertThrows(TemplateException.class, () -> engine.validate("ok\n{#for x in data}{x}"));
    assertEquals(TemplateException.Kind.SYNTAX, error.kind());
    assertTrue(error.line() > 0, error.getMessage());
    assertTrue(error.getMessage().startsWith("line "), error.getMessage());
  }

  @Test
  void aMissingValueIsARenderErrorNamingTheExpression() {
    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> engine.render("Host:\n{data.host.serial}", context("{\"host\":{}}", null)));
    assertEquals(TemplateException.Kind.RENDER, error.kind());
    assertEquals(2, error.line());
    assertTrue(error.getMessage().contains("data.host.serial"), error.getMessage());
    assertTrue(
        !error.getMessage().contains("com.fasterxml"), "no class names: " + error.getMessage());
  }

  @Test
  void aHelperThatCannotUseItsValueIsARenderError() {
    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> engine.render("{data.at.format('yyyy')}", context("{\"at\":\"soon\"}", null)));
    assertEquals(TemplateException.Kind.RENDER, error.kind());
    assertTrue(error.getMessage().contains("soon"), error.getMessage());
  }

  private static TemplateContext context(String data, String old) {
    return TemplateContext.of(
        Map.of("id", "evt_1", "type", "fleet.calendar", "source", "/hooks/acme/fleet"),
        json(data),
        old == null ? null : json(old),
        "acme");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
