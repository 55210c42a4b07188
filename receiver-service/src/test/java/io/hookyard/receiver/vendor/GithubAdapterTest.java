package io.hookyard.receiver.vendor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GithubAdapterTest {
  // GitHub's published vector (docs: "Testing the webhook payload validation").
  static final String SECRET = "It's a Secret to Everybody";
  static final String BODY = "Hello, World!";
  static final String SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final GithubAdapter adapter = new GithubAdapter();

  @Test
  void thePublishedVectorVerifies() {
    var request = TestRequests.post(BODY).header("X-Hub-Signature-256", SIGNATURE).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
  }

  @Test
  void theOctokitVectorVerifies() {
    var request =
        TestRequests.post("{\"foo\":\"bar\"}")
            .header(
                "X-Hub-Signature-256",
                "sha256=4864d2759938a15468b5df9ade20bf161da9b4f737ea61794142f3484236bda3")
            .build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, "mysecret")));
  }

  @Test
  void eitherSecretVerifiesDuringARotation() {
    var request = TestRequests.post(BODY).header("X-Hub-Signature-256", SIGNATURE).build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, "new", SECRET)));
  }

  @Test
  void aTamperedBodyFails() {
    var request = TestRequests.post(BODY + " ").header("X-Hub-Signature-256", SIGNATURE).build();
    assertFailure("signature-mismatch", request, SECRET);
  }

  @Test
  void aWrongSecretFails() {
    var request = TestRequests.post(BODY).header("X-Hub-Signature-256", SIGNATURE).build();
    assertFailure("signature-mismatch", request, "not the secret");
  }

  @Test
  void aMissingHeaderFails() {
    assertFailure("missing-header", TestRequests.post(BODY).build(), SECRET);
  }

  @Test
  void aWrongPrefixFails() {
    var request =
        TestRequests.post(BODY)
            .header("X-Hub-Signature-256", SIGNATURE.replace("sha256=", "sha1="))
            .build();
    assertFailure("wrong-prefix", request, SECRET);
  }

  @Test
  void readsTheEventTypeRepositoryAndDeliveryId() {
    var sample = adapter.profile().samples().get(1);
    var request =
        TestRequests.post(sample.payload())
            .header("X-GitHub-Event", "push")
            .header("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")
            .build();
    EventFacts facts = adapter.read(request);
    assertEquals("github.push", facts.type());
    assertEquals("octocat/Hello-World", facts.subject());
    assertEquals("72d3162e-cc78-11e3-81ab-4c9367dc0958", facts.vendorDeliveryId());
  }

  @Test
  void aHookSetToFormContentIsVerifiedOnTheRawFormAndReadFromItsPayload() {
    String form =
        "payload="
            + java.net.URLEncoder.encode(
                "{\"repository\":{\"full_name\":\"octocat/Hello-World\"}}",
                java.nio.charset.StandardCharsets.UTF_8);
    String signature =
        "sha256=" + Signatures.hex(Signatures.hmacSha256(SECRET, Signatures.utf8(form)));
    var request =
        TestRequests.post(form)
            .contentType("application/x-www-form-urlencoded")
            .header("X-Hub-Signature-256", signature)
            .header("X-GitHub-Event", "push")
            .build();
    assertDoesNotThrow(() -> adapter.verify(request, TestRequests.context(NOW, SECRET)));
    assertEquals("octocat/Hello-World", adapter.read(request).subject());
  }

  @Test
  void offersASampleForEveryEventTypeItNames() {
    assertTrue(adapter.profile().samples().stream().allMatch(s -> s.payload().startsWith("{")));
  }

  private void assertFailure(String check, IncomingRequest request, String... secrets) {
    VerificationFailure failure =
        assertThrows(
            VerificationFailure.class,
            () -> adapter.verify(request, TestRequests.context(NOW, secrets)));
    assertEquals(check, failure.check());
  }
}
