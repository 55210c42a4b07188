package io.hookyard.delivery.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookyard.common.id.Ids;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryApi;
import io.hookyard.delivery.DeliveryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deliveries of mock sends are marked in the log and can be searched for, or left out. */
@DeliveryTest
class MockDeliveriesTest {
  static final String LOG = "/api/v1/tenants/{tenant}/deliveries";

  final String tenant = TestTenants.newTenant();

  @Test
  void aMockSendIsShownAsMockAndFilteredEitherWay() {
    String real = submit(false);
    String mock = submit(true);

    assertEquals(List.of(mock), search("true"));
    assertEquals(List.of(real), search("false"));
    assertEquals(List.of(mock, real), search(null));
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(LOG + "/{id}", tenant, mock)
        .then()
        .statusCode(200)
        .body("mock", equalTo(true))
        .body("event.mock", equalTo(true));
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(LOG + "/{id}", tenant, real)
        .then()
        .statusCode(200)
        .body("mock", equalTo(false));
  }

  @Test
  void aMockFilterThatIsNotABooleanIsAProblem() {
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .queryParam("mock", "maybe")
        .get(LOG, tenant)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("mock"));
  }

  private List<String> search(String mock) {
    var request = given().auth().oauth2(TestTokens.tenantViewer(tenant));
    if (mock != null) {
      request.queryParam("mock", mock);
    }
    return request
        .get(LOG, tenant)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id", String.class);
  }

  private String submit(boolean mock) {
    String deliveryId = Ids.newId(Ids.DELIVERY);
    String request =
        """
        {"id":"%s","tenant":"%s","subscriptionId":"sub_1","destinationId":"dst_none",
          "event":{"specversion":"1.0","id":"%s","source":"/hooks/%s/demo","type":"device.locked",
                   "datacontenttype":"application/json","tenant":"%s",%s"data":{"device":"mac-9"}}}"""
            .formatted(
                deliveryId,
                tenant,
                Ids.newId(Ids.EVENT),
                tenant,
                tenant,
                mock ? "\"mock\":true," : "");
    DeliveryApi.submit(List.of(request));
    return deliveryId;
  }
}
