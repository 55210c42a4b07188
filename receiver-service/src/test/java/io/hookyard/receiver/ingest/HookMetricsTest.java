package io.hookyard.receiver.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookyard.receiver.Fixtures;
import io.hookyard.receiver.ReceiverTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The receiver's metrics the alerts and the dashboard use, counted as requests are answered. */
@ReceiverTest
class HookMetricsTest {

  @Test
  void everyCheckHasARejectionCounterFromTheStart() {
    String metrics = metrics();
    for (String check :
        List.of("source", "method", "rate", "size", "timeout", "signature", "body", "other")) {
      assertEquals(
          true,
          metrics.contains("hookyard_hook_rejections_total{check=\"" + check + "\""),
          "counter for " + check);
    }
  }

  @Test
  void aRejectionCountsUnderItsCheckAndAnAcceptedEventDoesNot() {
    String tenant = Fixtures.newTenant();
    String token = Fixtures.createSource(tenant, "metered");
    double signature = value("hookyard_hook_rejections_total", "check", "signature");
    double source = value("hookyard_hook_rejections_total", "check", "source");
    double method = value("hookyard_hook_rejections_total", "check", "method");
    double accepted = value("hookyard_hook_responses_total", "status", "2xx");

    send(tenant, "metered", "hyk_not-the-token").then().statusCode(401);
    send(tenant, "metered", "hyk_not-the-token").then().statusCode(401);
    send(tenant, "nowhere", token).then().statusCode(404);
    given().auth().oauth2(token).delete("/hooks/{tenant}/metered", tenant).then().statusCode(405);
    send(tenant, "metered", token).then().statusCode(202);

    assertEquals(signature + 2, value("hookyard_hook_rejections_total", "check", "signature"));
    assertEquals(source + 1, value("hookyard_hook_rejections_total", "check", "source"));
    assertEquals(method + 1, value("hookyard_hook_rejections_total", "check", "method"));
    assertEquals(accepted + 1, value("hookyard_hook_responses_total", "status", "2xx"));
  }

  @Test
  void statusesMapToAFixedListOfChecks() {
    assertEquals("signature", HookRejections.check(401));
    assertEquals("signature", HookRejections.check(403));
    assertEquals("size", HookRejections.check(413));
    assertEquals("other", HookRejections.check(418));
  }

  private static io.restassured.response.Response send(String tenant, String source, String token) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"type\":\"metrics.test\"}")
        .post("/hooks/{tenant}/{source}", tenant, source);
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  private static double value(String name, String label, String labelValue) {
    Matcher matcher =
        Pattern.compile(
                Pattern.quote(name)
                    + "\\{[^}]*"
                    + label
                    + "=\""
                    + Pattern.quote(labelValue)
                    + "\"[^}]*\\} ([0-9.Ee+-]+)")
            .matcher(metrics());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
