package io.hookyard.receiver.vendor;

import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies, which Slack slash commands and
 * interactions and Twilio send instead of JSON.
 */
final class FormBodies {
  private static final String FORM = "application/x-www-form-urlencoded";

  private FormBodies() {}

  static boolean isForm(IncomingRequest request) {
    return request.mediaType().equals(FORM);
  }

  /** The decoded parameters in body order, each name with all its values; 400 when malformed. */
  static Map<String, List<String>> parse(byte[] body) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      String value = parts.length == 2 ? decode(parts[1]) : "";
      parameters.computeIfAbsent(decode(parts[0]), name -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /** The first value of {@code name}, or null. */
  static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** 415 for a body that is neither of the media types a vendor sends. */
  static ProblemException unsupportedMediaType(String accepted) {
    return new ProblemException(
        Problem.of(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "This source accepts " + accepted + "."));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "invalid-form", "The body is not valid application/x-www-form-urlencoded.");
    }
  }
}
