package io.hookyard.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns an API's error answer (problem details, or anything else) into an {@link ApiException}. */
public class ApiFailures implements ResponseExceptionMapper<ApiException> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public ApiException toThrowable(Response response) {
    int status = response.getStatus();
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    return parse(status, body);
  }

  static ApiException parse(int status, String body) {
    try {
      JsonNode problem = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
      List<ApiException.FieldError> errors = new ArrayList<>();
      for (JsonNode error : problem.path("errors")) {
        errors.add(
            new ApiException.FieldError(
                error.path("field").asText(), error.path("message").asText()));
      }
      return new ApiException(
          status,
          problem
              .path("title")
              .asText(
                  Response.Status.fromStatusCode(status) == null
                      ? "Error"
                      : Response.Status.fromStatusCode(status).getReasonPhrase()),
          problem.path("detail").asText(""),
          errors);
    } catch (java.io.IOException notJson) {
      return new ApiException(status, "Error", "The service answered " + status + ".", List.of());
    }
  }

  @Override
  public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }
}
