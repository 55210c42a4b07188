package io.hookyard.common.secret;

import java.util.regex.Pattern;

/**
 * A table that holds values sealed by {@link SecretBox}: the row id, the id of the key that sealed
 * the value, and the nonce plus ciphertext. The table is named without its schema; the service's
 * own schema is used.
 */
public record SealedColumn(
    String table, String idColumn, String keyIdColumn, String ciphertextColumn) {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  public SealedColumn {
    for (String name : new String[] {table, idColumn, keyIdColumn, ciphertextColumn}) {
      if (name == null || !IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
      }
    }
  }

  /** A table with the usual columns: {@code id}, {@code key_id} and {@code ciphertext}. */
  public static SealedColumn of(String table) {
    return new SealedColumn(table, "id", "key_id", "ciphertext");
  }
}
