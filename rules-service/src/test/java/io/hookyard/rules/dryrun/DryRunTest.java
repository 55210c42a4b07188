package io.hookyard.rules.dryrun;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.rules.DeliveryStub;
import io.hookyard.rules.RulesTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RulesTest
class DryRunTest {
  static final String SUBSCRIPTIONS = "/api/v1/tenants/{tenant}/subscriptions";
  static final String DRY_RUN = SUBSCRIPTIONS + "/{id}/dry-run";
  static final String SHUTDOWN =
      "type eq 'compute-ops/server' and old/hardware/powerState eq 'ON'"
          + " and changed/hardware/powerState eq True";

  String tenant;
  String admin;

  @BeforeEach
  void newTenant() {
    tenant = TestTenants.newTenant();
    admin = TestTokens.tenantAdmin(tenant);
  }

  @Test
  void aNonMatchingEventNamesTheFailingClause() {
    String id =
        create(
            Map.of(
                "name",
                "shutdowns",
                "eventTypes",
                List.of("compute-ops/server"),
                "filter",
                SHUTDOWN,
                "destinationId",
                "dst_ops"));
    dryRun(
            id,
            Map.of(
                "type", "compute-ops/server",
                "data", Map.of("hardware", Map.of("powerState", "ON")),
                "old", Map.of("hardware", Map.of("powerState", "ON"))))
        .statusCode(200)
        .body("matches", equalTo(false))
        .body("failedClause.clause", equalTo("changed/hardware/powerState eq True"))
        .body("failedClause.line", equalTo(1))
        .body("failedClause.column", greaterThan(1))
        .body("steps", nullValue());

    dryRun(id, Map.of("type", "compute-ops/alert", "data", Map.of()))
        .body("matches", equalTo(false))
        .body("reason", containsString("compute-ops/alert"));
  }

  @Test
  void aMatchingSampleShowsEveryStepRenderedWithCredentialsMasked() {
    Map<String, Object> host =
        Map.of(
            "name", "host",
            "destinationId", "dst_fleet",
            "path", "/hosts/{data.host_id}",
            "headers", Map.of("Authorization", "Bearer {credentials.fleet.token}"));
    Map<String, Object> command =
        Map.of(
            "name", "command",
            "destinationId", "dst_fleet",
            "method", "POST",
            "path", "/commands",
            "body", "{\"uuid\":{steps.host.response.body.host.uuid.json}}");
    Map<String, Object> notify =
        Map.of(
            "name", "notify",
            "destinationId", "dst_slack",
            "condition", "host_id eq 999",
            "preset", "SLACK",
            "fields", Map.of("text", "Outdated: {data.host_display_name}"));
    String id =
        create(
            Map.of(
                "name",
                "os-updates",
                "eventTypes",
                List.of("fleet.*"),
                "filter",
                "failing_policies/any(p: p/name eq 'macOS - OS version up to date')",
                "action",
                Map.of("steps", List.of(host, command, notify))));

    dryRun(id, Map.of("sample", Map.of("vendor", "fleet", "type", "fleet.calendar")))
        .statusCode(200)
        .body("matches", equalTo(true))
        .body("steps", hasSize(3))
        .body("steps[0].method", equalTo("GET"))
        .body("steps[0].url", equalTo(DeliveryStub.BASE_URL + "/hosts/7"))
        .body("steps[0].headers.Authorization", equalTo("Bearer ••••••"))
        .body("steps[1].error", containsString("steps.host.response"))
        .body("steps[2].skipped", equalTo(true));
  }

  @Test
  void anEventWithAnErrorGoesToTheErrorRoute() {
    Map<String, Object> action =
        Map.of(
            "steps",
            List.of(
                Map.of("name", "deliver", "destinationId", "dst_fleet", "preset", "CLOUDEVENT")),
            "errorRoute",
            Map.of(
                "when",
                "error ne null and error ne ''",
                "steps",
                List.of(
                    Map.of(
                        "name",
                        "alert",
                        "destinationId",
                        "dst_slack",
                        "preset",
                        "SLACK",
                        "fields",
                        Map.of("text", "Fleet error: {data.error} ({error.reason})")))));
    String id =
        create(Map.of("name", "with-errors", "eventTypes", List.of("fleet.*"), "action", action));

    dryRun(id, Map.of("type", "fleet.calendar", "data", Map.of("error", "calendar API down")))
        .statusCode(200)
        .body("matches", equalTo(true))
        .body("errorReason", containsString("error ne null"))
        .body("steps", hasSize(1))
        .body("steps[0].name", equalTo("alert"))
        .body("steps[0].body", containsString("Fleet error: calendar API down"));
  }

  @Test
  void emailStepsAreRenderedWithTheirPartsAndCopies() {
    Map<String, Object> written =
        Map.of(
            "name",
            "written",
            "destinationId",
            "dst_mail",
            "email",
            Map.of(
                "to", List.of("ops@example.com"),
                "cc", List.of("{data.owner}"),
                "subject", "Calendar for {data.host_display_name}",
                "html", "<b>{data.host_display_name.xml}</b>",
                "text", "{data.host_display_name}"));
    Map<String, Object> preset =
        Map.of(
            "name",
            "preset",
            "destinationId",
            "dst_mail",
            "preset",
            "EMAIL",
            "fields",
            Map.of("title", "Host {data.host_display_name}", "text", "Window <starts>"),
            "email",
            Map.of("to", List.of("ops@example.com")));
    String id =
        create(
            Map.of(
                "name",
                "mails",
                "eventTypes",
                List.of("fleet.*"),
                "action",
                Map.of("steps", List.of(written, preset))));

    dryRun(
            id,
            Map.of(
                "type",
                "fleet.calendar",
                "data",
                Map.of("host_display_name", "mac-7", "owner", "ada@example.com")))
        .statusCode(200)
        .body("matches", equalTo(true))
        .body("steps[0].email.to", equalTo(List.of("ops@example.com")))
        .body("steps[0].email.cc", equalTo(List.of("ada@example.com")))
        .body("steps[0].email.subject", equalTo("Calendar for mac-7"))
        .body("steps[0].email.html", equalTo("<b>mac-7</b>"))
        .body("steps[0].email.text", equalTo("mac-7"))
        .body("steps[1].email.subject", equalTo("Host mac-7"))
        .body("steps[1].email.html", containsString("Window &lt;starts&gt;"))
        .body("steps[1].email.text", equalTo("Host mac-7\n\nWindow <starts>"));
  }

  @Test
  void aReceivedEventCanBeTriedByItsId() {
    String id =
        create(Map.of("name", "all", "eventTypes", List.of("*"), "destinationId", "dst_all"));
    String eventId = Ids.newId(Ids.EVENT);
    given()
        .auth()
        .oauth2(TestTokens.service())
        .contentType(ContentType.JSON)
        .body(
            """
            [{"specversion":"1.0","id":"%s","source":"/hooks/%s/demo","type":"device.locked",
              "datacontenttype":"application/json","tenant":"%s","data":{"device":"mac-7"}}]"""
                .formatted(eventId, tenant, tenant))
        .post("/internal/v1/events")
        .then()
        .statusCode(204);

    dryRun(id, Map.of("eventId", eventId))
        .statusCode(200)
        .body("matches", equalTo(true))
        .body("steps[0].body", containsString("mac-7"));
    dryRun(id, Map.of("eventId", "evt_unknown")).statusCode(404);
  }

  @Test
  void anEventGivenTwoWaysIsA400AndAnotherTenantsSubscriptionA404() {
    String id =
        create(Map.of("name", "all", "eventTypes", List.of("*"), "destinationId", "dst_all"));
    dryRun(id, Map.of("eventId", "evt_x", "type", "t"))
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(TestTenants.newTenant()))
        .contentType(ContentType.JSON)
        .body(Map.of("type", "t"))
        .post(DRY_RUN, tenant, id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("type", "t", "data", Map.of()))
        .post(DRY_RUN, tenant, id)
        .then()
        .statusCode(200);
  }

  private String create(Map<String, Object> subscription) {
    return given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(subscription)
        .post(SUBSCRIPTIONS, tenant)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private io.restassured.response.ValidatableResponse dryRun(String id, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(body)
        .post(DRY_RUN, tenant, id)
        .then();
  }
}
