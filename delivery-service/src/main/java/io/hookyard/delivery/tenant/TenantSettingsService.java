package io.hookyard.delivery.tenant;

import io.hookyard.common.audit.AuditTrail;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.delivery.destination.DestinationRepository;
import io.hookyard.delivery.egress.DestinationUrls;
import io.hookyard.delivery.mail.MailClients;
import io.hookyard.delivery.mail.TlsMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Objects;

/** Reads and replaces a tenant's delivery settings. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TenantSettingsService {
  private final TenantSettingsRepository settings;
  private final DestinationRepository destinations;
  private final DestinationUrls urls;
  private final SecretBox secretBox;
  private final MailClients mailClients;
  private final AuditTrail audit;
  private final Clock clock;

  public TenantSettingsService(
      TenantSettingsRepository settings,
      DestinationRepository destinations,
      DestinationUrls urls,
      SecretBox secretBox,
      MailClients mailClients,
      AuditTrail audit,
      Clock clock) {
    this.settings = settings;
    this.audit = audit;
    this.destinations = destinations;
    this.urls = urls;
    this.secretBox = secretBox;
    this.mailClients = mailClients;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TenantSettingsView get(String tenant) {
    TenantSettings found = settings.findById(tenant);
    return found == null ? new TenantSettingsView(null) : view(found);
  }

  public TenantSettingsView replace(String tenant, TenantSettingsView wanted) {
    String destinationId = wanted.operationalDestinationId();
    if (destinationId != null && destinations.findInTenant(tenant, destinationId).isEmpty()) {
      throw ProblemException.badRequest(
          "unknown-destination", "No destination '" + destinationId + "' in this tenant.");
    }
    if (wanted.smtp() != null) {
      check(wanted.smtp());
    }
    TenantSettings found = settings.findById(tenant);
    boolean created = found == null;
    TenantSettingsView before = created ? new TenantSettingsView(null, null) : view(found);
    if (created) {
      found = new TenantSettings();
      found.tenant = tenant;
    }
    found.operationalDestinationId = destinationId;
    applySmtp(found, wanted.smtp());
    found.updatedAt = clock.instant();
    if (created) {
      settings.persist(found);
    }
    // Other instances see the change on their next e-mail, when the settings no longer match.
    mailClients.forget(tenant);
    TenantSettingsView after = view(found);
    audit.record(tenant, "delivery-settings", tenant, "replace", before, after);
    return after;
  }

  private void check(SmtpSettingsView smtp) {
    TlsMode tls = smtp.tls() == null ? TlsMode.STARTTLS : smtp.tls();
    if (tls == TlsMode.NONE && (smtp.username() != null || notEmpty(smtp.password()))) {
      throw ProblemException.badRequest(
          "insecure-smtp", "Credentials are only sent over TLS: choose STARTTLS or SMTPS.");
    }
    if (smtp.username() == null && notEmpty(smtp.password())) {
      throw ProblemException.badRequest("invalid-smtp", "A password needs a username.");
    }
    try {
      urls.requireAllowedHost(smtp.host());
    } catch (ProblemException e) {
      throw ProblemException.badRequest(
          "blocked-address", "The SMTP server is not allowed: " + e.problem().detail());
    }
  }

  private void applySmtp(TenantSettings found, SmtpSettingsView smtp) {
    if (smtp == null) {
      clearSmtp(found);
      return;
    }
    TlsMode tls = smtp.tls() == null ? TlsMode.STARTTLS : smtp.tls();
    // A password left out is kept only for the same server and user: it must not follow the
    // settings to another server.
    boolean sameAccount =
        Objects.equals(found.smtpHost, smtp.host())
            && Objects.equals(found.smtpUsername, smtp.username());
    if (smtp.password() != null) {
      setPassword(found, smtp.password().isEmpty() ? null : smtp.password());
    } else if (!sameAccount || smtp.username() == null) {
      setPassword(found, null);
    }
    found.smtpHost = smtp.host();
    found.smtpPort = smtp.port() == null ? tls.defaultPort() : smtp.port();
    found.smtpTls = tls.name();
    found.smtpUsername = smtp.username();
    found.smtpFrom = smtp.from();
  }

  private void setPassword(TenantSettings found, String password) {
    if (password == null) {
      found.smtpPassword = null;
      found.smtpPasswordKeyId = null;
      return;
    }
    SealedSecret sealed = secretBox.seal(password);
    found.smtpPassword = sealed.ciphertext();
    found.smtpPasswordKeyId = sealed.keyId();
  }

  private static void clearSmtp(TenantSettings found) {
    found.smtpHost = null;
    found.smtpPort = null;
    found.smtpTls = null;
    found.smtpUsername = null;
    found.smtpPassword = null;
    found.smtpPasswordKeyId = null;
    found.smtpFrom = null;
  }

  private static TenantSettingsView view(TenantSettings found) {
    SmtpSettingsView smtp =
        found.smtpHost == null
            ? null
            : new SmtpSettingsView(
                found.smtpHost,
                found.smtpPort,
                TlsMode.valueOf(found.smtpTls),
                found.smtpUsername,
                null,
                found.smtpPassword != null,
                found.smtpFrom);
    return new TenantSettingsView(found.operationalDestinationId, smtp);
  }

  private static boolean notEmpty(String text) {
    return text != null && !text.isEmpty();
  }
}
