package io.hookyard.delivery;

import static io.restassured.RestAssured.given;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.TestTokens;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/** What tests send and read for actions and credentials. */
public final class ActionRequests {
  private ActionRequests() {}

  /**
   * Submits a delivery request that runs {@code action} (JSON) on an event with {@code data}
   * (JSON), as rules-service sends it; returns the delivery id.
   */
  public static String submitAction(
      String tenant, String firstDestinationId, String action, String data) {
    return submitAction(tenant, firstDestinationId, action, data, null);
  }

  public static String submitAction(
      String tenant, String firstDestinationId, String action, String data, String errorReason) {
    String deliveryId = Ids.newId(Ids.DELIVERY);
    String request =
        """
        {"id":"%s","tenant":"%s","subscriptionId":"sub_1","destinationId":"%s",
          "event":{"specversion":"1.0","id":"%s","source":"/hooks/%s/fleet","type":"fleet.calendar",
                   "subject":"host/11058","datacontenttype":"application/json","tenant":"%s",
                   "data":%s},
          "action":%s%s}"""
            .formatted(
                deliveryId,
                tenant,
                firstDestinationId,
                Ids.newId(Ids.EVENT),
                tenant,
                tenant,
                data,
                action,
                errorReason == null ? "" : ",\"errorReason\":\"" + errorReason + "\"");
    DeliveryApi.submit(List.of(request));
    return deliveryId;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Maps and lists as JSON text. */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An action of the given steps, each a map, with an error route of the given steps or none. */
  public static String action(
      java.util.List<Map<String, Object>> steps, java.util.List<Map<String, Object>> errorRoute) {
    Map<String, Object> action = new java.util.LinkedHashMap<>();
    action.put("steps", steps);
    if (errorRoute != null) {
      action.put("errorRoute", Map.of("steps", errorRoute));
    }
    return json(action);
  }

  /** Creates a credential; answers its id. */
  public static String createCredential(String tenant, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/tenants/{tenant}/credentials", tenant)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Creates a destination with more settings than name and URL; answers its id. */
  public static String createDestination(
      String tenant, String name, String url, Map<String, Object> settings) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(settings);
    body.put("name", name);
    body.put("url", url);
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/tenants/{tenant}/destinations", tenant)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The delivery's detail view as the API answers it, as text. */
  public static String detailText(String tenant, String deliveryId) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get("/api/v1/tenants/{tenant}/deliveries/{id}", tenant, deliveryId)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
