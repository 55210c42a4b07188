package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import java.io.IOException;

/**
 * Reads request bodies as JSON, turning anything else into a clear 4xx: as a tree for adapters that
 * walk the document, or as a {@link JsonFields} selection for adapters that need a few fields.
 * Either way the whole body must be valid JSON.
 */
public final class JsonBodies {
  // Strict like JsonFields: a second value after the first makes the body invalid.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBodies() {}

  /** The body as JSON; 415 unless the content type says JSON, 400 when it is not valid JSON. */
  public static JsonNode require(IncomingRequest request) {
    requireJsonMediaType(request);
    return parse(request.body());
  }

  /** The selected fields of the body; 415 and 400 as {@link #require(IncomingRequest)}. */
  public static JsonFields require(IncomingRequest request, JsonFields.Selection selection) {
    requireJsonMediaType(request);
    return parse(request.body(), selection);
  }

  /** The bytes as JSON; 400 with the line and column when they are not valid JSON. */
  public static JsonNode parse(byte[] body) {
    requireNotEmpty(body);
    try {
      JsonNode json = MAPPER.readTree(body);
      if (json == null || json.isMissingNode()) {
        throw ProblemException.badRequest("invalid-json", "The body is not valid JSON.");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw ProblemException.badRequest("invalid-json", "The body is not valid JSON.");
    }
  }

  /** The selected fields of the bytes, which must be valid JSON as a whole (400 otherwise). */
  public static JsonFields parse(byte[] body, JsonFields.Selection selection) {
    requireNotEmpty(body);
    try {
      return selection.read(body);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw ProblemException.badRequest("invalid-json", "The body is not valid JSON.");
    }
  }

  /** The text at {@code pointer} (a JSON Pointer), or null when it is absent or not a scalar. */
  public static String text(JsonNode json, String pointer) {
    JsonNode node = json.at(pointer);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private static void requireJsonMediaType(IncomingRequest request) {
    if (!request.isJson()) {
      throw new ProblemException(
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "This source accepts application/json."));
    }
  }

  private static void requireNotEmpty(byte[] body) {
    if (body.length == 0) {
      throw ProblemException.badRequest("empty-body", "The body is empty; send a JSON document.");
    }
  }

  private static ProblemException invalid(JsonProcessingException e) {
    var at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return ProblemException.badRequest("invalid-json", "The body is not valid JSON" + where + ".");
  }
}
