package io.hookyard.common.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * One batch of re-encryption in one transaction: rows not sealed under the active key are locked
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas running the same rotation take different rows),
 * opened with their own key and sealed again with the active one.
 */
@ApplicationScoped
public class SealedColumnBatch {
  private final EntityManager entityManager;
  private final SecretBox secretBox;

  public SealedColumnBatch(EntityManager entityManager, SecretBox secretBox) {
    this.entityManager = entityManager;
    this.secretBox = secretBox;
  }

  /** Re-encrypts up to {@code size} values of {@code column}; returns how many it did. */
  @Transactional
  public int reEncrypt(SealedColumn column, int size) {
    String select =
        "select %s, %s, %s from {h-schema}%s where %s <> :active order by %s limit :size for update skip locked"
            .formatted(
                column.idColumn(),
                column.keyIdColumn(),
                column.ciphertextColumn(),
                column.table(),
                column.keyIdColumn(),
                column.idColumn());
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(select)
            .setParameter("active", secretBox.activeKey())
            .setParameter("size", size)
            .getResultList();
    String update =
        "update {h-schema}%s set %s = :keyId, %s = :ciphertext where %s = :id"
            .formatted(
                column.table(), column.keyIdColumn(), column.ciphertextColumn(), column.idColumn());
    for (Object[] row : rows) {
      String plaintext = secretBox.open(new SealedSecret((String) row[1], (byte[]) row[2]));
      SealedSecret sealed = secretBox.seal(plaintext);
      entityManager
          .createNativeQuery(update)
          .setParameter("keyId", sealed.keyId())
          .setParameter("ciphertext", sealed.ciphertext())
          .setParameter("id", row[0])
          .executeUpdate();
    }
    return rows.size();
  }

  /** How many values of {@code column} are still sealed under another key than the active one. */
  @Transactional
  public long remaining(SealedColumn column) {
    String count =
        "select count(*) from {h-schema}%s where %s <> :active"
            .formatted(column.table(), column.keyIdColumn());
    return ((Number)
            entityManager
                .createNativeQuery(count)
                .setParameter("active", secretBox.activeKey())
                .getSingleResult())
        .longValue();
  }
}
