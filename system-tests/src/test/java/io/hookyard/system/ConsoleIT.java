package io.hookyard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.testing.RecordingServer;
import io.hookyard.stack.HookyardService;
import io.hookyard.stack.HookyardStack;
import io.hookyard.stack.ManagementClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The console in a real browser against the real stack: a tenant admin signs in on Keycloak's login
 * page, creates a GitHub source, copies its URL, and an event signed with the secret the console
 * showed once goes through to a destination that refuses it; the admin follows it in the
 * deliveries, opens its attempts and replays it from the dead letters; a viewer of the same tenant
 * cannot replay. On every page, every field has a label, tables have headers and only buttons and
 * links act; every form that changes something refuses a cross-site post. Screenshots of each page
 * go to docs/console/.
 */
@ExtendWith(SystemStack.class)
class ConsoleIT {
  static final String TENANT = "acme";
  static final ObjectMapper JSON = new ObjectMapper();

  static HookyardStack stack;
  static RecordingServer refusing;
  static String run;
  static String eventType;
  static String destinationId;
  static String subscriptionId;

  @BeforeAll
  static void tenantWithARefusingDestination() throws Exception {
    assumeTrue(ConsoleBrowser.available(), "Chromium and chromedriver are installed (.ci/run)");
    stack = SystemStack.get();
    run = UUID.randomUUID().toString().substring(0, 8);
    eventType = "github.console_" + run;
    refusing = RecordingServer.start();
    refusing.answerWith(500);
    ManagementClient alice = stack.as("alice");
    // Two quick attempts, then a dead letter.
    HttpResponse<String> destination =
        alice.call(
            HookyardService.DELIVERY,
            "POST",
            "/api/v1/tenants/" + TENANT + "/destinations",
            JSON.writeValueAsString(
                Map.of(
                    "name", "ops-" + run,
                    "url", refusing.url() + "/hook",
                    "retrySchedule", List.of("0s", "1s"))));
    assertEquals(201, destination.statusCode(), destination.body());
    destinationId = JSON.readTree(destination.body()).path("id").asText();
    subscriptionId =
        alice
            .createSubscription(TENANT, "console-" + run, List.of(eventType), destinationId)
            .path("id")
            .asText();
  }

  @AfterAll
  static void stopDestination() {
    if (refusing != null) {
      refusing.close();
    }
  }

  @Test
  void anAdminFollowsASignedEventToTheDeadLettersAndReplaysItAndAViewerCannot() throws Exception {
    String console = stack.url(HookyardService.CONSOLE) + "/console/" + TENANT;
    String deliveryId;
    Set<String> postTargets = new TreeSet<>();
    try (ConsoleBrowser admin = new ConsoleBrowser()) {
      admin.open(console + "/sources");
      assertTrue(admin.driver().getCurrentUrl().contains("/realms/hookyard/"), "Keycloak login");
      admin.signIn("alice", SystemStack.password("alice"));
      admin.until(d -> d.getCurrentUrl().endsWith("/console/" + TENANT + "/sources"));
      assertEquals("Tenant admin", admin.text(".who-role"));

      // A GitHub source: the console shows its secret once, and its URL with a copy button.
      String sourceName = "github-" + run;
      admin.type("#source-name", sourceName);
      admin.find("#source-vendor option[value=github]").click();
      admin.find("#create-source").click();
      String secret = admin.text("#new-secret");
      assertTrue(secret.length() >= 16, secret);
      String hookUrl = admin.text("#source-url");
      assertTrue(hookUrl.endsWith("/hooks/" + TENANT + "/" + sourceName), hookUrl);
      admin.find("#copy-url").click();
      admin.until(d -> "true".equals(d.findElement(By.id("copy-url")).getAttribute("data-copied")));
      checkPage(admin, postTargets);
      admin.screenshot(shot("source-created"));

      // The vendor's side: one forged request, and one signed with the secret shown.
      String body = "{\"repository\":{\"full_name\":\"acme/console-" + run + "\"}}";
      int forged = postGithub(hookUrl, body, "sha256=" + "0".repeat(64)).statusCode();
      assertTrue(forged >= 400 && forged < 500, "refused: " + forged);
      assertEquals(202, postGithub(hookUrl, body, sign(secret, body)).statusCode());

      // The request log on the source's page says which check failed.
      admin.open(console + "/sources");
      admin.find("a[href$='/sources/" + sourceId(sourceName) + "']").click();
      admin.reloadUntil(d -> d.getPageSource().contains("Rejected"), Duration.ofSeconds(30));
      assertTrue(admin.driver().getPageSource().contains("X-Hub-Signature-256"), "names the check");
      checkPage(admin, postTargets);
      admin.screenshot(shot("source"));
      admin.open(console + "/sources");
      assertTrue(admin.driver().getPageSource().contains(hookUrl));
      checkPage(admin, postTargets);
      admin.screenshot(shot("sources"));
      keyboardReachesTheContentWithAVisibleFocus(admin);

      // Deliveries: it appears, and dies after its two attempts.
      admin.open(console + "/deliveries?eventType=" + eventType);
      // The counters and the list are two reads: wait until both see it dead.
      admin.reloadUntil(
          d ->
              d.getPageSource().contains("Dead</span>")
                  && d.findElement(By.id("count-dead")).getText().equals("1"),
          Duration.ofSeconds(60));
      assertEquals("1", admin.text("#count-all"));
      admin.open(console + "/deliveries");
      checkPage(admin, postTargets);
      admin.screenshot(shot("deliveries"));
      admin.open(console + "/deliveries?eventType=" + eventType);
      admin.find("#deliveries .delivery-link").click();
      admin.until(d -> d.findElement(By.id("delivery-status")).getText().equals("Dead"));
      deliveryId = admin.driver().getCurrentUrl().replaceAll(".*/deliveries/", "");
      List<WebElement> attempts = admin.driver().findElements(By.cssSelector("details.attempt"));
      assertTrue(attempts.size() >= 2, "every attempt: " + attempts.size());
      assertTrue(attempts.getLast().getText().contains("HTTP 500"), "the response status");
      assertTrue(
          admin.driver().getPageSource().contains("acme/console-" + run), "the request body sent");
      checkPage(admin, postTargets);
      admin.screenshot(shot("delivery"));

      // Dead letters: replay it.
      admin.open(console + "/dead-letters");
      WebElement row = rowOf(admin, deliveryId);
      assertTrue(row.getText().contains("Schedule exhausted"), row.getText());
      checkPage(admin, postTargets);
      admin.screenshot(shot("dead-letters"));
      // The recording server keeps what it answered with an error apart from what it accepted.
      int sentBefore = refusing.refused().size() + refusing.requests().size();
      row.findElement(By.cssSelector("button.replay-one")).click();
      admin.until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("1 of 1"));
      JsonNode replayed = stack.as("alice").delivery(TENANT, deliveryId);
      assertFalse(replayed.path("replayId").isMissingNode(), replayed.toString());
      admin.until(d -> refusing.refused().size() + refusing.requests().size() > sentBefore);

      // A second subscription of the same type, with a templated request; no event of the type
      // comes after this, so the counts above stay as they are.
      String ticketsId = ticketsSubscription();

      // The other pages, for the record.
      admin.open(console + "/destinations");
      assertTrue(admin.driver().getPageSource().contains("ops-" + run));
      checkPage(admin, postTargets);
      admin.screenshot(shot("destinations"));
      admin.open(console + "/subscriptions");
      checkPage(admin, postTargets);
      admin.screenshot(shot("subscriptions"));
      admin.open(console + "/subscriptions/new");
      checkPage(admin, postTargets);
      admin.open(console + "/subscriptions/" + subscriptionId);
      checkPage(admin, postTargets);
      admin.find("#try-sample option[value='github|github.push']").click();
      admin.find("#try-it").click();
      admin.until(d -> d.findElement(By.id("try-result")).getText().contains("No match"));
      assertTrue(admin.text("#try-result").contains("github.push"), "says why");

      // A subscription with a templated request: its step is shown as JSON, edited, saved.
      String eventId = stack.as("alice").delivery(TENANT, deliveryId).path("eventId").asText();
      admin.open(console + "/subscriptions/" + ticketsId);
      String definition = admin.find("#st-1-def").getAttribute("value");
      assertTrue(definition.contains("\"path\" : \"/tickets\""), definition);
      assertEquals("SLACK", admin.find("#st-0-preset").getAttribute("value"));
      checkPage(admin, postTargets);
      admin.type("#try-event", eventId);
      admin.find("#try-it").click();
      admin.until(d -> d.findElement(By.id("try-result")).getText().contains("Match"));
      assertTrue(admin.text("#try-result").contains("/tickets"), admin.text("#try-result"));
      admin.type("#s-filter", "data/repository/full_name eq 'acme/web' and (");
      admin.until(d -> d.findElement(By.id("filter-check")).getText().contains("Line 1, column"));
      assertTrue(admin.text("#filter-check .caret").endsWith("^"));
      admin.screenshot(shot("subscription"));

      admin.open(console + "/subscriptions/" + ticketsId);
      replaceText(admin, "#st-1-def", definition.replace("/tickets", "/tickets/new"));
      admin.find("#save-subscription").click();
      admin.until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("saved"));
      JsonNode saved = subscription(ticketsId);
      assertEquals("/tickets/new", saved.at("/action/steps/1/path").asText(), saved.toString());
      assertEquals("ticket", saved.at("/action/steps/1/name").asText());
      assertEquals("SLACK", saved.at("/action/steps/0/preset").asText());
      replaceText(admin, "#st-1-def", "{ \"method\": ");
      admin.find("#save-subscription").click();
      admin.until(d -> d.findElement(By.cssSelector("p.error")).getText().contains("not a JSON"));
      assertEquals(
          "/tickets/new", subscription(ticketsId).at("/action/steps/1/path").asText(), "unchanged");

      // A form on another site cannot act with the session, even with its cookies: every form
      // and button that posts, on every page above.
      String cookies =
          admin.driver().manage().getCookies().stream()
              .map(c -> c.getName() + "=" + c.getValue())
              .collect(java.util.stream.Collectors.joining("; "));
      for (String kind :
          List.of(
              "/sources",
              "/rotate-secret",
              "/pause",
              "/destinations",
              "/replay",
              "/replays",
              "/subscriptions",
              "/try",
              "/mock")) {
        assertTrue(
            postTargets.stream().anyMatch(t -> t.endsWith(kind)), kind + " in " + postTargets);
      }
      for (String target : postTargets) {
        HttpResponse<String> crossSite =
            ManagementClient.send(
                HttpRequest.newBuilder(URI.create(target))
                    .header("Cookie", cookies)
                    .header("Sec-Fetch-Site", "cross-site")
                    .header("Origin", "http://attacker.example")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("back=dead-letters&name=x"))
                    .build());
        assertEquals(403, crossSite.statusCode(), target + ": " + crossSite.body());
      }
    }

    try (ConsoleBrowser viewer = new ConsoleBrowser()) {
      viewer.open(console + "/dead-letters");
      viewer.signIn("victor", SystemStack.password("victor"));
      viewer.until(d -> d.getCurrentUrl().endsWith("/console/" + TENANT + "/dead-letters"));
      assertEquals("Viewer", viewer.text(".who-role"));
      assertTrue(viewer.has("#viewer-note"));
      viewer.open(console + "/deliveries/" + deliveryId);
      WebElement replay = viewer.find("#replay");
      assertFalse(replay.isEnabled(), "a viewer's replay button is disabled");
      // Even a forced click is refused: by delivery-service, with the viewer's own token.
      viewer.script("arguments[0].disabled = false;", replay);
      replay.click();
      viewer.until(d -> d.getPageSource().contains("Your role may not do this"));
      assertTrue(viewer.text(".problem-status").contains("403"));
    }
  }

  /** The page's accessibility basics hold, and its state-changing targets are noted. */
  @SuppressWarnings("unchecked")
  private static void checkPage(ConsoleBrowser browser, Set<String> postTargets) {
    List<String> problems = (List<String>) browser.script(ACCESSIBILITY);
    assertEquals(List.of(), problems, browser.driver().getCurrentUrl());
    postTargets.addAll((List<String>) browser.script(POST_TARGETS));
  }

  /** Unlabelled fields, tables without headers, things that act but are not buttons or links. */
  static final String ACCESSIBILITY =
      """
      const problems = [];
      for (const field of document.querySelectorAll('input, select, textarea')) {
        if (field.type === 'hidden') continue;
        const labelled = (field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]'))
          || field.closest('label') || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
        if (!labelled) problems.push('no label: ' + field.tagName.toLowerCase() + ' ' + (field.name || field.id));
      }
      for (const table of document.querySelectorAll('table')) {
        if (!table.querySelector('th')) problems.push('no header: table ' + (table.id || table.className));
      }
      for (const element of document.querySelectorAll('[onclick], [hx-post], [hx-get], [data-copy]')) {
        if (!['BUTTON', 'A', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName)) {
          problems.push('acts but is a ' + element.tagName.toLowerCase());
        }
      }
      for (const button of document.querySelectorAll('button, a')) {
        if (!button.textContent.trim() && !button.getAttribute('aria-label')) problems.push('no name: ' + button.outerHTML);
      }
      return problems;
      """;

  /** Where the page's forms and buttons post to, as absolute URLs. */
  static final String POST_TARGETS =
      """
      const targets = [];
      for (const form of document.querySelectorAll('form')) {
        if ((form.getAttribute('method') || 'get').toLowerCase() === 'post') targets.push(form.action);
      }
      for (const element of document.querySelectorAll('[formaction], [hx-post]')) {
        const path = element.getAttribute('formaction') || element.getAttribute('hx-post');
        targets.push(new URL(path, document.baseURI).href);
      }
      return targets;
      """;

  /**
   * The first Tab stop is the skip link, which takes the focus to the content; from there Tab
   * reaches a button, and the focused element shows an outline.
   */
  private static void keyboardReachesTheContentWithAVisibleFocus(ConsoleBrowser browser) {
    Actions keyboard = new Actions(browser.driver());
    keyboard.sendKeys(Keys.TAB).perform();
    WebElement skip = browser.driver().switchTo().activeElement();
    assertEquals("Skip to content", skip.getText());
    assertTrue(skip.isDisplayed(), "the skip link shows when focused");
    keyboard.sendKeys(Keys.ENTER).perform();
    assertTrue(browser.driver().getCurrentUrl().endsWith("#main"));
    WebElement focused = browser.driver().switchTo().activeElement();
    for (int i = 0; i < 40 && !"button".equals(focused.getTagName()); i++) {
      keyboard.sendKeys(Keys.TAB).perform();
      focused = browser.driver().switchTo().activeElement();
    }
    assertEquals("button", focused.getTagName(), "Tab reaches a button");
    assertEquals(
        Boolean.TRUE,
        browser.script("return document.getElementById('main').contains(arguments[0]);", focused),
        "the first button after the skip link is in the content");
    assertFalse(
        "none".equals(focused.getCssValue("outline-style")), "the focused button shows an outline");
  }

  private static void replaceText(ConsoleBrowser browser, String selector, String text) {
    browser.script("arguments[0].value = arguments[1];", browser.find(selector), text);
  }

  /** A subscription of the console's event type with a preset step and a templated request. */
  private static String ticketsSubscription() throws Exception {
    Map<String, Object> notify =
        Map.of(
            "name",
            "notify",
            "destinationId",
            destinationId,
            "preset",
            "SLACK",
            "fields",
            Map.of("text", "{event.type} on {event.subject}"));
    Map<String, Object> ticket =
        Map.of(
            "name", "ticket",
            "destinationId", destinationId,
            "method", "POST",
            "path", "/tickets",
            "body", "{\"title\": \"{event.type}\"}");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "tickets-" + run);
    body.put("eventTypes", List.of(eventType));
    body.put("action", Map.of("steps", List.of(notify, ticket)));
    HttpResponse<String> created =
        stack
            .as("alice")
            .call(
                HookyardService.RULES,
                "POST",
                "/api/v1/tenants/" + TENANT + "/subscriptions",
                JSON.writeValueAsString(body));
    assertEquals(201, created.statusCode(), created.body());
    return JSON.readTree(created.body()).path("id").asText();
  }

  private static JsonNode subscription(String id) {
    return readTree(
        stack
            .as("alice")
            .call(
                HookyardService.RULES,
                "GET",
                "/api/v1/tenants/" + TENANT + "/subscriptions/" + id,
                null)
            .body());
  }

  private static String sourceId(String name) {
    String sources =
        stack
            .as("alice")
            .call(HookyardService.RECEIVER, "GET", "/api/v1/tenants/" + TENANT + "/sources", null)
            .body();
    for (JsonNode source : readTree(sources)) {
      if (name.equals(source.path("name").asText())) {
        return source.path("id").asText();
      }
    }
    throw new AssertionError("no source " + name);
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static WebElement rowOf(ConsoleBrowser browser, String deliveryId) {
    WebElement box = browser.find("#dead-letters input[name=id][value='" + deliveryId + "']");
    WebElement row = box.findElement(By.xpath("./ancestor::tr"));
    assertNotNull(row);
    return row;
  }

  private static HttpResponse<String> postGithub(String url, String body, String signature) {
    return ManagementClient.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "console_" + run)
            .header("X-GitHub-Delivery", UUID.randomUUID().toString())
            .header("X-Hub-Signature-256", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static String sign(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static Path shot(String page) {
    Path root = Path.of(System.getProperty("hookyard.root", "..")).toAbsolutePath().normalize();
    return root.resolve("docs/console/" + page + ".png");
  }
}
