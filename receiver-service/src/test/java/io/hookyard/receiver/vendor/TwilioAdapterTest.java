package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TwilioAdapterTest {
  // twilio-python tests/unit/test_request_validator.py (commit 306691e); twilio-node agrees.
  static final String TOKEN = "12345";
  static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  static final String URL_WITH_PORT = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
  // Not in sorted order on purpose: Twilio sorts by name before signing.
  static final String FORM =
      "CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212"
          + "&Caller=%2B14158675309";
  static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
  static final String SIGNATURE_WITH_PORT = "kvajT1Ptam85bY51eRf/AJRuM3w=";
  static final String JSON_BODY = "{\"property\": \"value\", \"boolean\": true}";
  static final String BODY_HASH =
      "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
  static final String JSON_SIGNATURE = "a9nBmqA0ju/hNViExpshrM61xv4=";
  static final Instant NOW = Instant.parse("2026-01-12T19:00:00Z");

  final TwilioAdapter adapter = new TwilioAdapter();

  @Test
  void thePublishedFormVectorVerifies() {
    assertDoesNotThrow(() -> adapter.verify(form(FORM, SIGNATURE), context(URL, TOKEN)));
  }

  @Test
  void theOlderDocsVectorVerifies() {
    String body = FORM.replace("%2B14158675309", "%2B12349013030");
    var request = form(body, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    assertDoesNotThrow(() -> adapter.verify(request, context(URL, TOKEN)));
  }

  @Test
  void aSignatureOverTheUrlWithItsDefaultPortVerifies() {
    assertDoesNotThrow(() -> adapter.verify(form(FORM, SIGNATURE_WITH_PORT), context(URL, TOKEN)));
  }

  @Test
  void aSignatureOverTheUrlWithoutItsDefaultPortVerifies() {
    assertDoesNotThrow(() -> adapter.verify(form(FORM, SIGNATURE), context(URL_WITH_PORT, TOKEN)));
  }

  @Test
  void anotherPortIsNotTheSameUrl() {
    var request = form(FORM, SIGNATURE);
    assertFailure(
        "signature-mismatch", request, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", TOKEN);
  }

  @Test
  void thePublishedJsonVectorVerifies() {
    assertDoesNotThrow(
        () -> adapter.verify(json(JSON_BODY, JSON_SIGNATURE), context(jsonUrl(), TOKEN)));
  }

  @Test
  void aJsonBodyThatDoesNotMatchItsHashFails() {
    var request = json("{\"property\": \"value\", \"boolean\": false}", JSON_SIGNATURE);
    assertFailure("body-hash-mismatch", request, jsonUrl(), TOKEN);
  }

  @Test
  void aJsonBodyWithoutABodyHashFails() {
    var request = TestRequests.post(JSON_BODY).header(TwilioAdapter.SIGNATURE, SIGNATURE).build();
    assertFailure("missing-body-hash", request, URL, TOKEN);
  }

  @Test
  void eitherAuthTokenVerifiesDuringARotation() {
    assertDoesNotThrow(
        () -> adapter.verify(form(FORM, SIGNATURE), context(URL, "secondary-token", TOKEN)));
  }

  @Test
  void aTamperedParameterFails() {
    var request = form(FORM.replace("Digits=1234", "Digits=1235"), SIGNATURE);
    assertFailure("signature-mismatch", request, URL, TOKEN);
  }

  @Test
  void anAddedParameterFails() {
    assertFailure("signature-mismatch", form(FORM + "&Extra=1", SIGNATURE), URL, TOKEN);
  }

  @Test
  void anotherUrlFails() {
    assertFailure(
        "signature-mismatch", form(FORM, SIGNATURE), "https://mycompany.com/myapp.php", TOKEN);
  }

  @Test
  void aWrongAuthTokenFails() {
    assertFailure("signature-mismatch", form(FORM, SIGNATURE), URL, "54321");
  }

  @Test
  void aMissingHeaderFails() {
    var request = TestRequests.post(FORM).contentType("application/x-www-form-urlencoded").build();
    assertFailure("missing-header", request, URL, TOKEN);
  }

  @Test
  void readsAMessageStatusSidAndIdempotencyToken() {
    var sample = adapter.profile().samples().get(1);
    var request =
        TestRequests.post(asForm(sample.payload()))
            .contentType("application/x-www-form-urlencoded")
            .header("I-Twilio-Idempotency-Token", "b7f2e5c1-4d8a-4f3e-9c21-6a0d8e4b2f17")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("twilio.message.delivered", facts.type());
    assertEquals("SM9d2e4f6a8b0c1d3e5f7a9b1c3d5e7f90", facts.subject());
    assertEquals("b7f2e5c1-4d8a-4f3e-9c21-6a0d8e4b2f17", facts.vendorDeliveryId());
  }

  @Test
  void readsAnIncomingMessageAndACall() {
    var samples = adapter.profile().samples();
    EventFacts message = adapter.read(formOf(samples.get(0).payload()));
    assertEquals("twilio.message.received", message.type());
    EventFacts call = adapter.read(formOf(samples.get(2).payload()));
    assertEquals("twilio.call.completed", call.type());
    assertEquals("CA7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f70", call.subject());
  }

  // Twilio publishes no vector for GET webhooks: its libraries sign the full URL alone (no
  // parameters follow it). The published request's form fields go into the query here, and the
  // signature is computed by this test with the JDK's HMAC, not with the adapter's code.
  static final String GET_URL = URL + "&" + FORM;

  @Test
  void aGetWebhookSignedOverItsFullUrlVerifies() throws Exception {
    var request = get(GET_URL, hmacSha1(TOKEN, GET_URL));
    assertDoesNotThrow(() -> adapter.verify(request, context(GET_URL, TOKEN)));
    assertEquals(List.of("GET", "POST"), adapter.profile().methods());
  }

  @Test
  void aGetWebhookWithATamperedQueryFails() throws Exception {
    String tampered = GET_URL.replace("Digits=1234", "Digits=1235");
    var request = get(tampered, hmacSha1(TOKEN, GET_URL));
    assertFailure("signature-mismatch", request, tampered, TOKEN);
  }

  @Test
  void aGetWebhookIsReadAndStoredFromItsQuery() throws Exception {
    var request = get(GET_URL, hmacSha1(TOKEN, GET_URL));
    EventFacts facts = adapter.read(request);
    assertEquals("twilio.call.event", facts.type());
    assertEquals("CA1234567890ABCDE", facts.subject());
    IncomingRequest stored = adapter.stored(request);
    assertEquals("application/json", stored.contentType());
    var data = JsonBodies.parse(stored.body());
    assertEquals("+14158675309", data.path("From").asText());
    assertEquals("1234", data.path("Digits").asText());
    assertEquals("1", data.path("foo").asText());
    // A POST is stored as it came.
    var post = form(FORM, SIGNATURE);
    assertEquals(post, adapter.stored(post));
  }

  @Test
  void answersAnAcceptedEventWithEmptyTwiml() {
    Reply reply = adapter.accepted("evt_1", false);
    assertEquals(200, reply.status());
    assertEquals("text/xml", reply.contentType());
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>",
        new String(reply.body(), StandardCharsets.UTF_8));
  }

  private static IncomingRequest get(String url, String signature) {
    return TestRequests.get()
        .query(url.substring(url.indexOf('?') + 1))
        .header(TwilioAdapter.SIGNATURE, signature)
        .build();
  }

  private static String hmacSha1(String key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String jsonUrl() {
    return URL + "&bodySHA256=" + BODY_HASH;
  }

  private static IncomingRequest form(String body, String signature) {
    return TestRequests.post(body)
        .contentType("application/x-www-form-urlencoded")
        .query("foo=1&bar=2")
        .header(TwilioAdapter.SIGNATURE, signature)
        .build();
  }

  private static IncomingRequest json(String body, String signature) {
    return TestRequests.post(body)
        .query("foo=1&bar=2&bodySHA256=" + BODY_HASH)
        .header(TwilioAdapter.SIGNATURE, signature)
        .build();
  }

  private static IncomingRequest formOf(String samplePayload) {
    return TestRequests.post(asForm(samplePayload))
        .contentType("application/x-www-form-urlencoded")
        .build();
  }

  /** The samples show Twilio's form fields as JSON; this turns them back into the wire form. */
  private static String asForm(String samplePayload) {
    return JsonBodies.parse(Signatures.utf8(samplePayload)).properties().stream()
        .map(
            f ->
                f.getKey() + "=" + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static VerificationContext context(String url, String... tokens) {
    return TestRequests.context(NOW, Map.of(), url, tokens);
  }

  private void assertFailure(String check, IncomingRequest request, String url, String... tokens) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class, () -> adapter.verify(request, context(url, tokens)));
    assertEquals(check, failure.check());
  }
}
