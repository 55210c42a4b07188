package io.hookyard.delivery.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's settings of delivery-service. */
@Entity
@Table(name = "tenant_settings")
public class TenantSettings {
  @Id public String tenant;

  /** Where operational events (such as a destination paused) go; null for nowhere. */
  @Column(name = "operational_destination_id")
  public String operationalDestinationId;

  /** The tenant's own SMTP server for e-mail steps; null for the global one. */
  @Column(name = "smtp_host")
  public String smtpHost;

  @Column(name = "smtp_port")
  public Integer smtpPort;

  /** A {@link io.hookyard.delivery.mail.TlsMode} name. */
  @Column(name = "smtp_tls")
  public String smtpTls;

  @Column(name = "smtp_username")
  public String smtpUsername;

  /** The id of the key that sealed the password. */
  @Column(name = "smtp_password_key_id")
  public String smtpPasswordKeyId;

  /** The password, sealed with {@link io.hookyard.common.secret.SecretBox}. */
  @Column(name = "smtp_password")
  public byte[] smtpPassword;

  /** The sender address of the tenant's e-mails. */
  @Column(name = "smtp_from")
  public String smtpFrom;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
