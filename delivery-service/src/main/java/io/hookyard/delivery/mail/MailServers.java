package io.hookyard.delivery.mail;

import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.delivery.config.DeliveryConfig;
import io.hookyard.delivery.tenant.TenantSettings;
import io.hookyard.delivery.tenant.TenantSettingsRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which SMTP server a tenant's e-mail goes through: its own, from its delivery settings (the
 * password opened with {@link SecretBox}), or else the global one from the configuration.
 */
@ApplicationScoped
public class MailServers {
  private final TenantSettingsRepository settings;
  private final SecretBox secretBox;
  private final Optional<SmtpServer> global;

  public MailServers(
      TenantSettingsRepository settings, SecretBox secretBox, DeliveryConfig config) {
    this.settings = settings;
    this.secretBox = secretBox;
    this.global = global(config.mail());
  }

  /** The tenant's server, the global one, or empty when there is neither. */
  public Optional<SmtpServer> forTenant(String tenant) {
    // Workers call this on virtual threads with no transaction; the read opens its own.
    Optional<SmtpServer> own = QuarkusTransaction.joiningExisting().call(() -> load(tenant));
    return own.isPresent() ? own : global;
  }

  private Optional<SmtpServer> load(String tenant) {
    TenantSettings found = settings.findById(tenant);
    if (found == null || found.smtpHost == null) {
      return Optional.empty();
    }
    String password =
        found.smtpPassword == null
            ? null
            : secretBox.open(new SealedSecret(found.smtpPasswordKeyId, found.smtpPassword));
    return Optional.of(
        new SmtpServer(
            found.smtpHost,
            found.smtpPort,
            TlsMode.valueOf(found.smtpTls),
            found.smtpUsername,
            password,
            found.smtpFrom,
            true));
  }

  private static Optional<SmtpServer> global(DeliveryConfig.Mail mail) {
    return mail.host()
        .filter(host -> !host.isBlank())
        .map(
            host ->
                new SmtpServer(
                    host,
                    mail.port().orElse(mail.tls().defaultPort()),
                    mail.tls(),
                    mail.username().orElse(null),
                    mail.password().orElse(null),
                    mail.from(),
                    false));
  }
}
