package io.hookyard.delivery.mail;

import io.hookyard.common.action.RenderedStep;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.delivery.AttemptResult;
import io.hookyard.delivery.delivery.DeliverySender;
import io.hookyard.delivery.egress.AddressPolicy;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The e-mail channel: sends a rendered e-mail step through the tenant's SMTP server (or the global
 * one) and says what came of it as a {@link MailOutcome} the delivery code records like an HTTP
 * attempt. An e-mail with both an HTML and a text part goes as {@code multipart/alternative}. It
 * blocks until the server has answered, so it is called from a worker's virtual thread, and it
 * never throws: every failure is an outcome with its reason.
 */
@ApplicationScoped
public class MailChannel {
  /** Names the delivery an e-mail belongs to, so that a receiving system can spot a repeat. */
  public static final String DELIVERY_HEADER = "X-Hookyard-Delivery";

  private final MailServers servers;
  private final MailClients clients;
  private final AddressPolicy policy;
  private final DeliveryConfig.Mail config;
  private final Clock clock;

  public MailChannel(
      MailServers servers,
      MailClients clients,
      AddressPolicy policy,
      DeliveryConfig config,
      Clock clock) {
    this.servers = servers;
    this.clients = clients;
    this.policy = policy;
    this.config = config.mail();
    this.clock = clock;
  }

  /** Sends an e-mail that belongs to no delivery (a test send); its Message-ID is random. */
  public MailOutcome send(String tenant, RenderedStep.Mail mail) {
    return send(tenant, mail, null);
  }

  /**
   * Sends the e-mail of one step of a delivery. Its Message-ID is made from the delivery id and the
   * step, the same on every attempt, so a repeat after a lost answer (delivery is at least once)
   * carries the same id.
   */
  public MailOutcome send(String tenant, RenderedStep.Mail mail, String deliveryId) {
    Attempt attempt = new Attempt(clock.instant(), System.nanoTime(), messageId(mail, deliveryId));
    Optional<SmtpServer> found = servers.forTenant(tenant);
    if (found.isEmpty()) {
      return attempt.permanent(
          null,
          null,
          null,
          "No SMTP server: the tenant has none in its delivery settings and none is configured"
              + " for Hookyard (hookyard.delivery.mail.host).");
    }
    SmtpServer server = found.get();
    Optional<String> blocked = server.tenantOwned() ? refusal(server.host()) : Optional.empty();
    if (blocked.isPresent()) {
      return attempt.permanent(
          server, null, AttemptResult.ErrorClass.BLOCKED_ADDRESS, blocked.get());
    }
    MailMessage message;
    try {
      message = message(server, mail, attempt.messageId(), deliveryId);
    } catch (IllegalArgumentException e) {
      return attempt.permanent(server, null, null, "The e-mail is not valid: " + e.getMessage());
    }
    try {
      clients
          .clientFor(tenant, server)
          .sendMail(message)
          .toCompletionStage()
          .toCompletableFuture()
          .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return attempt.sent(server, recipients(mail));
    } catch (TimeoutException e) {
      return attempt.transientFailure(
          server,
          null,
          AttemptResult.ErrorClass.TIMEOUT,
          "No answer from " + server.address() + " within " + config.timeout().toSeconds() + "s.");
    } catch (ExecutionException e) {
      return failed(attempt, server, e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return attempt.transientFailure(
          server, null, AttemptResult.ErrorClass.IO, "Interrupted while sending.");
    } catch (RuntimeException e) {
      return failed(attempt, server, e);
    }
  }

  private MailOutcome failed(Attempt attempt, SmtpServer server, Throwable cause) {
    if (cause instanceof SMTPException smtp) {
      String reply =
          "The SMTP server "
              + server.address()
              + " answered "
              + smtp.getReplyCode()
              + ": "
              + String.join(" ", smtp.getReplyMessages()).strip();
      // 5xx: the server refuses for good (unknown recipient, bad login, rejected content);
      // 4xx: it asks to try again later (greylisting, mailbox full, too busy).
      return smtp.isPermanent()
          ? attempt.permanent(server, smtp.getReplyCode(), null, reply)
          : attempt.transientFailure(server, smtp.getReplyCode(), null, reply);
    }
    if (cause instanceof IllegalArgumentException) {
      return attempt.permanent(server, null, null, "The e-mail is not valid: " + text(cause));
    }
    AttemptResult.ErrorClass errorClass = DeliverySender.classify(cause);
    String what =
        switch (errorClass) {
          case CONNECTION_REFUSED -> "Could not connect to the SMTP server ";
          case TIMEOUT -> "Timed out talking to the SMTP server ";
          case DNS -> "Could not resolve the SMTP server ";
          case TLS -> "TLS failed with the SMTP server ";
          default -> "Sending failed with the SMTP server ";
        };
    return attempt.transientFailure(
        server, null, errorClass, what + server.address() + ": " + text(cause));
  }

  private Optional<String> refusal(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        Optional<String> refused = policy.refusal(address);
        if (refused.isPresent()) {
          return Optional.of("The SMTP server " + host + " is not allowed: " + refused.get());
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      // Sending reports the name failing to resolve, as a failure worth retrying.
      return Optional.empty();
    }
  }

  private static MailMessage message(
      SmtpServer server, RenderedStep.Mail mail, String messageId, String deliveryId) {
    if (mail.to().isEmpty()) {
      throw new IllegalArgumentException("it has no recipient");
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Message-ID", messageId);
    if (deliveryId != null) {
      headers.add(DELIVERY_HEADER, deliveryId);
    }
    MailMessage message =
        new MailMessage()
            .setFrom(server.from())
            .setTo(mail.to())
            .setSubject(mail.subject())
            .setHeaders(headers);
    if (!mail.cc().isEmpty()) {
      message.setCc(mail.cc());
    }
    if (mail.text() != null) {
      message.setText(mail.text());
    }
    if (mail.html() != null) {
      message.setHtml(mail.html());
    }
    return message;
  }

  private static String messageId(RenderedStep.Mail mail, String deliveryId) {
    String local = deliveryId == null ? UUID.randomUUID().toString() : deliveryId;
    return "<" + local + "." + mail.stepName() + "@hookyard>";
  }

  private static int recipients(RenderedStep.Mail mail) {
    return mail.to().size() + mail.cc().size();
  }

  private static String text(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** One send under way: when it started, and the outcomes it can come to. */
  private record Attempt(Instant startedAt, long startNanos, String messageId) {
    MailOutcome sent(SmtpServer server, int recipients) {
      return outcome(
          MailOutcome.Verdict.SENT,
          server,
          250,
          null,
          "Accepted by " + server.address() + " for " + recipients + " recipient(s).");
    }

    MailOutcome transientFailure(
        SmtpServer server, Integer code, AttemptResult.ErrorClass errorClass, String reason) {
      return outcome(MailOutcome.Verdict.TRANSIENT_FAILURE, server, code, errorClass, reason);
    }

    MailOutcome permanent(
        SmtpServer server, Integer code, AttemptResult.ErrorClass errorClass, String reason) {
      return outcome(MailOutcome.Verdict.PERMANENT_FAILURE, server, code, errorClass, reason);
    }

    private MailOutcome outcome(
        MailOutcome.Verdict verdict,
        SmtpServer server,
        Integer code,
        AttemptResult.ErrorClass errorClass,
        String reason) {
      return new MailOutcome(
          verdict,
          code,
          errorClass,
          reason,
          server == null ? null : server.address(),
          messageId,
          startedAt,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }
  }
}
