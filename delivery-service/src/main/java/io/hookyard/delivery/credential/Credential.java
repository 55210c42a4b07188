package io.hookyard.delivery.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's credential: the parts that are not secret in {@code settings}, the secret sealed by
 * SecretBox (ADR 7).
 */
@Entity
@Table(name = "credential")
public class Credential {
  @Id public String id;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CredentialKind kind;

  /** username (basic), header (header), tokenUrl, clientId and scope (oauth2). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> settings;

  @Column(name = "key_id", nullable = false)
  public String keyId;

  @Column(nullable = false)
  public byte[] ciphertext;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
