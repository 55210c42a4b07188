package io.hookyard.receiver.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio: {@code X-Twilio-Signature: <base64 HMAC-SHA1(auth token, text)>}, where the text is the
 * full URL Twilio called, query included, followed for a form POST by every parameter as {@code
 * name + value} sorted by name. Twilio signs the URL rather than the body, so the hook's public URL
 * must be the one configured in Twilio. A JSON body is not in the signed text; instead Twilio puts
 * {@code bodySHA256=<hex SHA-256 of the body>} into the signed URL, and that hash is checked
 * against the raw body. Twilio's libraries accept the URL both with and without the default port
 * because its back end is inconsistent about it, so this adapter does too.
 *
 * <p>Twilio sends Voice and Messaging webhooks as GET when the number's webhook method is set so;
 * the parameters are then in the query, already part of the signed URL, and nothing follows it. The
 * event stored for a GET holds those parameters as a JSON object (the raw query stays in the
 * request log), so that filters and templates read them as they read any event's data.
 *
 * <p>There is no timestamp, so replays are stopped only by dedup on {@code
 * I-Twilio-Idempotency-Token} when Twilio sends one. Messaging and Voice webhooks expect TwiML
 * back; an empty {@code <Response/>} acknowledges without replying to the texter or caller.
 */
@Singleton
public class TwilioAdapter implements VendorAdapter {
  static final String SIGNATURE = "X-Twilio-Signature";
  static final String BODY_HASH = "bodySHA256";
  private static final String EMPTY_TWIML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

  @Override
  public String vendor() {
    return "twilio";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Twilio",
        VendorProfile.SecretOrigin.PROVIDED,
        List.of("GET", "POST"),
        List.of(
            EventSamples.of(
                vendor(),
                "twilio.message.received",
                "An SMS arrived (form fields shown as JSON)",
                "message-received.json"),
            EventSamples.of(
                vendor(),
                "twilio.message.delivered",
                "An outgoing SMS was delivered (form fields shown as JSON)",
                "message-delivered.json"),
            EventSamples.of(
                vendor(),
                "twilio.call.completed",
                "A call ended (form fields shown as JSON)",
                "call-completed.json")));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    String presented = request.header(SIGNATURE);
    if (presented == null) {
      throw VerificationFailure.missingHeader(SIGNATURE);
    }
    String parameters = signedParameters(request);
    for (String secret : context.secrets()) {
      for (String url : withAndWithoutDefaultPort(context.requestUrl())) {
        byte[] mac =
            Signatures.hmac("HmacSHA1", Signatures.utf8(secret), Signatures.utf8(url + parameters));
        if (Signatures.constantTimeEquals(Signatures.base64(mac), presented)) {
          return;
        }
      }
    }
    throw VerificationFailure.mismatch(SIGNATURE);
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    String token = request.header("I-Twilio-Idempotency-Token");
    if (isQueryWebhook(request)) {
      return readForm(request.query(), token);
    }
    if (FormBodies.isForm(request)) {
      return readForm(FormBodies.parse(request.body()), token);
    }
    if (!request.isJson()) {
      throw FormBodies.unsupportedMediaType(
          "application/x-www-form-urlencoded and application/json");
    }
    JsonNode json = JsonBodies.parse(request.body());
    // Event Streams posts a batch of CloudEvents; the first names the delivery.
    JsonNode event = json.isArray() && !json.isEmpty() ? json.get(0) : json;
    String type = JsonBodies.text(event, "/type");
    if (type != null && type.startsWith("com.twilio.")) {
      type = type.substring("com.twilio.".length());
    }
    return new EventFacts(
        "twilio." + (type == null ? "event" : type),
        JsonBodies.text(event, "/subject"),
        null,
        token);
  }

  @Override
  public IncomingRequest stored(IncomingRequest request) {
    if (!isQueryWebhook(request)) {
      return request;
    }
    ObjectNode parameters = JsonNodeFactory.instance.objectNode();
    new TreeMap<>(request.query())
        .forEach(
            (name, values) -> {
              if (values.size() == 1) {
                parameters.put(name, values.getFirst());
              } else {
                ArrayNode repeated = parameters.putArray(name);
                values.forEach(repeated::add);
              }
            });
    return new IncomingRequest(
        request.method(),
        request.headers(),
        request.rawQuery(),
        request.query(),
        "application/json",
        parameters.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A GET webhook: its parameters are in the query, and there is no body. */
  private static boolean isQueryWebhook(IncomingRequest request) {
    return "GET".equals(request.method()) && request.body().length == 0;
  }

  @Override
  public Reply accepted(String eventId, boolean duplicate) {
    return new Reply(200, "text/xml", EMPTY_TWIML.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What follows the URL in the signed text: the sorted form parameters, or nothing once the body
   * has matched the URL's {@code bodySHA256}.
   */
  private static String signedParameters(IncomingRequest request) {
    String bodyHash = request.queryParameter(BODY_HASH);
    if (bodyHash != null) {
      String actual = Signatures.hex(Signatures.sha256(request.body()));
      if (!Signatures.constantTimeEquals(actual, bodyHash.toLowerCase(Locale.ROOT))) {
        throw new VerificationFailure(
            "body-hash-mismatch", "The body does not match the URL's " + BODY_HASH + ".");
      }
      return "";
    }
    if (FormBodies.isForm(request)) {
      return sorted(FormBodies.parse(request.body()));
    }
    if (request.body().length > 0) {
      throw new VerificationFailure(
          "missing-body-hash", "A body that is not a form must be signed through " + BODY_HASH);
    }
    return "";
  }

  // Names sorted; a repeated name's values distinct and sorted, as twilio-python does.
  private static String sorted(Map<String, List<String>> parameters) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(parameters)
        .forEach(
            (name, values) ->
                values.stream().distinct().sorted().forEach(v -> text.append(name).append(v)));
    return text.toString();
  }

  /** The URL as given, plus the same URL with its default port added or removed. */
  private static List<String> withAndWithoutDefaultPort(String url) {
    int schemeEnd = url.indexOf("://");
    String port =
        schemeEnd < 0
            ? null
            : switch (url.substring(0, schemeEnd).toLowerCase(Locale.ROOT)) {
              case "https" -> ":443";
              case "http" -> ":80";
              default -> null;
            };
    if (port == null) {
      return List.of(url);
    }
    int hostStart = schemeEnd + 3;
    int hostEnd = hostStart;
    while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
      hostEnd++;
    }
    String authority = url.substring(hostStart, hostEnd);
    String other;
    if (authority.endsWith(port)) {
      other = authority.substring(0, authority.length() - port.length());
    } else if (authority.lastIndexOf(':') <= authority.lastIndexOf(']')) {
      // No port at all (the colons of an IPv6 literal sit inside its brackets).
      other = authority + port;
    } else {
      return List.of(url);
    }
    return List.of(url, url.substring(0, hostStart) + other + url.substring(hostEnd));
  }

  private static EventFacts readForm(Map<String, List<String>> form, String token) {
    String messageSid = first(form, "MessageSid", "SmsSid");
    if (messageSid != null) {
      String status = first(form, "MessageStatus", "SmsStatus");
      return new EventFacts(
          "twilio.message." + (status == null ? "received" : status), messageSid, null, token);
    }
    String callSid = FormBodies.first(form, "CallSid");
    if (callSid != null) {
      String status = FormBodies.first(form, "CallStatus");
      return new EventFacts(
          "twilio.call." + (status == null ? "event" : status), callSid, null, token);
    }
    return new EventFacts("twilio.event", null, null, token);
  }

  private static String first(Map<String, List<String>> form, String name, String fallback) {
    String value = FormBodies.first(form, name);
    return value == null ? FormBodies.first(form, fallback) : value;
  }
}
