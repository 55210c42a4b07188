package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import java.io.IOException;

/** Reads request bodies as JSON, turning anything else into a clear 4xx. */
public final class JsonBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBodies() {}

  /** The body as JSON; 415 unless the content type says JSON, 400 when it is not valid JSON. */
  public static JsonNode require(IncomingRequest request) {
    if (!request.isJson()) {
      throw new ProblemException(
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "This source accepts application/json."));
    }
    return parse(request.body());
  }

  /** The bytes as JSON; 400 with the line and column when they are not valid JSON. */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ProblemException.badRequest("empty-body", "The body is empty; send a JSON document.");
    }
    try {
      JsonNode json = MAPPER.readTree(body);
      if (json == null || json.isMissingNode()) {
        throw ProblemException.badRequest("invalid-json", "The body is not valid JSON.");
      }
      return json;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ProblemException.badRequest("invalid-json", "The body is not valid JSON" + where + ".");
    } catch (IOException e) {
      throw ProblemException.badRequest("invalid-json", "The body is not valid JSON.");
    }
  }

  /** The text at {@code pointer} (a JSON Pointer), or null when it is absent or not a scalar. */
  public static String text(JsonNode json, String pointer) {
    JsonNode node = json.at(pointer);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}
