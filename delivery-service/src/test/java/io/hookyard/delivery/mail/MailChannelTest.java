package io.hookyard.delivery.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.hookyard.common.action.RenderedStep;
import io.hookyard.common.testing.TestTenants;
import io.hookyard.common.testing.TestTokens;
import io.hookyard.delivery.DeliveryTest;
import io.hookyard.delivery.delivery.AttemptDecision;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.FailurePolicy;
import io.hookyard.delivery.destination.DestinationSettings;
import io.hookyard.delivery.destination.SuccessCodes;
import io.hookyard.delivery.testing.SmtpServers;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DeliveryTest
class MailChannelTest {
  static final String SETTINGS = "/api/v1/tenants/{tenant}/delivery-settings";

  @Inject MailChannel channel;
  @Inject FailurePolicy policy;

  final String tenant = TestTenants.newTenant();

  @Test
  void sendsSubjectBothPartsAndEveryRecipientThroughTheTenantsServer() throws Exception {
    GreenMail smtp = SmtpServers.smtp();
    try {
      useServer(smtp.getSmtp().getPort(), "NONE", null, null);
      RenderedStep.Mail mail =
          new RenderedStep.Mail(
              "notify",
              List.of("ops@example.com", "oncall@example.com"),
              "Disk full on srv-1 — 98 %",
              "<h1>srv-1</h1><p>98 % full</p>",
              "srv-1\n98 % full",
              List.of("boss@example.com"));

      MailOutcome outcome = channel.send(tenant, mail, "dlv_mail1");

      assertEquals(MailOutcome.Verdict.SENT, outcome.verdict(), outcome.reason());
      assertEquals(250, outcome.smtpCode());
      MimeMessage[] received = smtp.getReceivedMessages();
      // One copy per recipient, as a server delivers it to each mailbox.
      assertEquals(3, received.length);
      MimeMessage message = received[0];
      assertEquals("Disk full on srv-1 — 98 %", message.getSubject());
      assertEquals(List.of("alerts@acme.example"), addresses(message.getFrom()));
      assertEquals(
          List.of("ops@example.com", "oncall@example.com"),
          addresses(message.getRecipients(Message.RecipientType.TO)));
      assertEquals(
          List.of("boss@example.com"), addresses(message.getRecipients(Message.RecipientType.CC)));
      assertArrayEquals(
          new String[] {"<dlv_mail1.notify@hookyard>"}, message.getHeader("Message-ID"));
      assertArrayEquals(new String[] {"dlv_mail1"}, message.getHeader(MailChannel.DELIVERY_HEADER));
      assertTrue(
          message.getContentType().startsWith("multipart/alternative"), message.getContentType());
      Multipart parts = (Multipart) message.getContent();
      assertEquals(2, parts.getCount());
      assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
      assertEquals("srv-1\n98 % full", lines(parts.getBodyPart(0).getContent()));
      assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
      assertEquals(
          "<h1>srv-1</h1><p>98 % full</p>", parts.getBodyPart(1).getContent().toString().strip());
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aTextOnlyMailIsOnePlainPart() throws Exception {
    GreenMail smtp = SmtpServers.smtp();
    try {
      useServer(smtp.getSmtp().getPort(), "NONE", null, null);
      MailOutcome outcome =
          channel.send(
              tenant,
              new RenderedStep.Mail("m", List.of("a@example.com"), "Hi", null, "just text"));
      assertTrue(outcome.sent(), outcome.reason());
      MimeMessage message = smtp.getReceivedMessages()[0];
      assertTrue(message.isMimeType("text/plain"), message.getContentType());
      assertEquals("just text", message.getContent().toString().strip());
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aRecipientTheServerRefusesIsAPermanentFailureAndTheDeliveryDies() {
    GreenMail smtp =
        SmtpServers.smtp(
            Map.of("nobody@example.com", "550 5.1.1 <nobody@example.com>: no such user"));
    try {
      useServer(smtp.getSmtp().getPort(), "NONE", null, null);
      MailOutcome outcome =
          channel.send(
              tenant,
              new RenderedStep.Mail(
                  "m", List.of("ops@example.com", "nobody@example.com"), "Hi", null, "text"));

      assertEquals(MailOutcome.Verdict.PERMANENT_FAILURE, outcome.verdict());
      assertEquals(550, outcome.smtpCode());
      assertTrue(outcome.reason().contains("550"), outcome.reason());
      assertTrue(outcome.reason().contains("no such user"), outcome.reason());
      // Nobody got it: one refused recipient fails the whole e-mail.
      assertEquals(0, smtp.getReceivedMessages().length);
      assertEquals(
          AttemptResult.ErrorClass.NOT_SENDABLE,
          outcome.toAttemptResult(mail(List.of("nobody@example.com"))).errorClass(),
          "a permanent failure ends the step without a retry");
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aTemporaryRefusalIsATransientFailureThatIsRetried() {
    GreenMail smtp =
        SmtpServers.smtp(Map.of("busy@example.com", "451 4.7.1 greylisted, try again later"));
    try {
      useServer(smtp.getSmtp().getPort(), "NONE", null, null);
      MailOutcome outcome =
          channel.send(
              tenant, new RenderedStep.Mail("m", List.of("busy@example.com"), "Hi", null, "text"));

      assertEquals(MailOutcome.Verdict.TRANSIENT_FAILURE, outcome.verdict());
      assertEquals(451, outcome.smtpCode());
      AttemptDecision decision =
          policy.decide(
              outcome.toAttemptResult(mail(List.of("busy@example.com"))), destination(), 1);
      assertEquals(AttemptDecision.Verdict.RETRY, decision.verdict());
    } finally {
      smtp.stop();
    }
  }

  @Test
  void noServerListeningIsATransientFailure() {
    useServer(SmtpServers.freePort(), "NONE", null, null);
    MailOutcome outcome =
        channel.send(tenant, new RenderedStep.Mail("m", List.of("a@example.com"), "Hi", null, "t"));

    assertEquals(MailOutcome.Verdict.TRANSIENT_FAILURE, outcome.verdict());
    assertEquals(AttemptResult.ErrorClass.CONNECTION_REFUSED, outcome.errorClass());
    assertNull(outcome.smtpCode());
    assertTrue(outcome.reason().startsWith("Could not connect"), outcome.reason());
    AttemptResult recorded =
        outcome.toAttemptResult(
            new RenderedStep.Mail("m", List.of("a@example.com"), "Hi", null, "t"));
    assertEquals("SMTP", recorded.request().method());
    assertEquals(AttemptResult.ErrorClass.CONNECTION_REFUSED, recorded.errorClass());
  }

  @Test
  void aCertificateThatIsNotTrustedIsNotSentTo() {
    GreenMail smtps = SmtpServers.smtps();
    try {
      useServer(smtps.getSmtps().getPort(), "SMTPS", null, null);
      MailOutcome outcome =
          channel.send(
              tenant, new RenderedStep.Mail("m", List.of("a@example.com"), "Hi", null, "t"));

      assertEquals(MailOutcome.Verdict.TRANSIENT_FAILURE, outcome.verdict(), outcome.reason());
      assertEquals(AttemptResult.ErrorClass.TLS, outcome.errorClass(), outcome.reason());
      assertEquals(0, smtps.getReceivedMessages().length);
    } finally {
      smtps.stop();
    }
  }

  @Test
  void withoutAnyServerTheFailureIsPermanentAndSaysWhy() {
    MailOutcome outcome =
        channel.send(tenant, new RenderedStep.Mail("m", List.of("a@example.com"), "Hi", null, "t"));

    assertEquals(MailOutcome.Verdict.PERMANENT_FAILURE, outcome.verdict());
    assertTrue(outcome.reason().contains("No SMTP server"), outcome.reason());
  }

  @Test
  void changedSettingsTakeEffectOnTheNextMail() {
    GreenMail first = SmtpServers.smtp();
    GreenMail second = SmtpServers.smtp();
    try {
      RenderedStep.Mail mail =
          new RenderedStep.Mail("m", List.of("a@example.com"), "Hi", null, "t");
      useServer(first.getSmtp().getPort(), "NONE", null, null);
      assertTrue(channel.send(tenant, mail).sent());
      useServer(second.getSmtp().getPort(), "NONE", null, null);
      assertTrue(channel.send(tenant, mail).sent());

      assertEquals(1, first.getReceivedMessages().length);
      assertEquals(1, second.getReceivedMessages().length);
    } finally {
      first.stop();
      second.stop();
    }
  }

  @Test
  void thePasswordIsSealedNeverShownAndKeptWhenLeftOut() {
    useServer(2525, "STARTTLS", "hookyard", "s3cret");
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(SETTINGS, tenant)
        .then()
        .statusCode(200)
        .body("smtp.host", equalTo("127.0.0.1"))
        .body("smtp.tls", equalTo("STARTTLS"))
        .body("smtp.username", equalTo("hookyard"))
        .body("smtp.passwordSet", equalTo(true))
        .body("smtp.password", nullValue());
    // Written again without the password: it stays.
    useServer(2525, "STARTTLS", "hookyard", null);
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(SETTINGS, tenant)
        .then()
        .body("smtp.passwordSet", equalTo(true));
    // Another user: the password does not follow.
    useServer(2525, "STARTTLS", "someone-else", null);
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .get(SETTINGS, tenant)
        .then()
        .body("smtp.passwordSet", equalTo(false));
  }

  @Test
  void badSmtpSettingsAreProblems() {
    putSettings(smtp("127.0.0.1", 25, "NONE", "user", "pw"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:insecure-smtp"));
    putSettings(smtp("10.1.2.3", 587, "STARTTLS", null, null))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:hookyard:problem:blocked-address"));
    Map<String, Object> noFrom = smtp("127.0.0.1", 587, "STARTTLS", null, null);
    noFrom.remove("from");
    putSettings(noFrom).statusCode(400).contentType("application/problem+json");
    putSettings(smtp("127.0.0.1", 587, "SOMETIMES", null, null))
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.tenantViewer(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("smtp", smtp("127.0.0.1", 587, "STARTTLS", null, null)))
        .put(SETTINGS, tenant)
        .then()
        .statusCode(403);
  }

  private void useServer(int port, String tls, String username, String password) {
    putSettings(smtp("127.0.0.1", port, tls, username, password)).statusCode(200);
  }

  private io.restassured.response.ValidatableResponse putSettings(Map<String, Object> smtp) {
    return given()
        .auth()
        .oauth2(TestTokens.tenantAdmin(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("smtp", smtp))
        .put(SETTINGS, tenant)
        .then();
  }

  private static Map<String, Object> smtp(
      String host, int port, String tls, String username, String password) {
    Map<String, Object> smtp = new LinkedHashMap<>();
    smtp.put("host", host);
    smtp.put("port", port);
    smtp.put("tls", tls);
    if (username != null) {
      smtp.put("username", username);
    }
    if (password != null) {
      smtp.put("password", password);
    }
    smtp.put("from", "alerts@acme.example");
    return smtp;
  }

  private static DestinationSettings destination() {
    return new DestinationSettings(
        "dst_mail",
        "t",
        "mailto:",
        "POST",
        Map.of(),
        Duration.ofSeconds(5),
        SuccessCodes.parse("200-299"),
        null,
        null,
        null,
        false,
        List.of(),
        null);
  }

  /** A part's text with the line ends SMTP gave it (CRLF) as in Java. */
  private static String lines(Object content) {
    return content.toString().replace("\r\n", "\n").strip();
  }

  private static List<String> addresses(Address[] addresses) {
    return Arrays.stream(addresses).map(Address::toString).toList();
  }

  private static RenderedStep.Mail mail(List<String> to) {
    return new RenderedStep.Mail("m", to, "Hi", null, "text");
  }
}
