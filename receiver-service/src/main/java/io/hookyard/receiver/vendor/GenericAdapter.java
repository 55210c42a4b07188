package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.source.Source;
import io.hookyard.receiver.source.SourceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Locale;

/**
 * The generic vendor: any JSON POST, authenticated by the source's secret token. The token may come
 * as {@code Authorization: Bearer}, as {@code X-Hookyard-Token}, or as the {@code token} query
 * parameter for senders that can only be given a URL.
 */
@ApplicationScoped
public class GenericAdapter implements VendorAdapter {
  static final String TYPE_HEADER = "x-hookyard-event-type";
  static final String SUBJECT_HEADER = "x-hookyard-subject";
  static final String DEFAULT_TYPE = "generic.event";

  private final ObjectMapper mapper;

  public GenericAdapter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String vendor() {
    return "generic";
  }

  @Override
  public void verify(Source source, IncomingRequest request) {
    String token = presentedToken(request);
    if (token == null) {
      throw ProblemException.unauthorized(
          "missing-token", "This source needs its token: Authorization: Bearer <token>.");
    }
    if (!SourceTokens.matches(token, source.tokenHash)) {
      throw ProblemException.unauthorized("invalid-token", "The token does not match this source.");
    }
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    if (!isJson(request.contentType())) {
      throw new ProblemException(
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "This source accepts application/json."));
    }
    if (request.body().length == 0) {
      throw ProblemException.badRequest("empty-body", "The body is empty; send a JSON document.");
    }
    JsonNode json = parse(request.body());
    String type = firstText(request.header(TYPE_HEADER), json.path("type"), json.path("event"));
    String subject = firstText(request.header(SUBJECT_HEADER), json.path("subject"), null);
    String deliveryId = request.header("idempotency-key");
    if (deliveryId == null) {
      deliveryId = request.header("webhook-id");
    }
    return new EventFacts(type == null ? DEFAULT_TYPE : type, subject, deliveryId);
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode json = mapper.readTree(body);
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

  private static String presentedToken(IncomingRequest request) {
    String authorization = request.header("authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    String header = request.header("x-hookyard-token");
    return header != null ? header : request.queryParameter("token");
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static String firstText(String header, JsonNode first, JsonNode second) {
    if (header != null && !header.isBlank()) {
      return header;
    }
    if (first != null && first.isTextual() && !first.asText().isBlank()) {
      return first.asText();
    }
    if (second != null && second.isTextual() && !second.asText().isBlank()) {
      return second.asText();
    }
    return null;
  }
}
