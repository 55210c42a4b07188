package io.hookyard.common.testing;

import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.common.secret.SecretsConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Test access to sealed values and to everything a service stores: re-sealing rows under the test
 * profile's older key ({@code old}), reading which key seals them, and a dump of every table of a
 * schema to search for plaintext secrets.
 */
public final class SealedRows {
  public static final String TEST_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  public static final String OLD_KEY = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";

  private SealedRows() {}

  /**
   * Seals every value of {@code schema.table} again under the key {@code old}, as before a
   * rotation.
   */
  public static int resealUnderOldKey(DataSource data, String schema, String table)
      throws SQLException {
    SecretBox box = box("old");
    int count = 0;
    try (Connection connection = data.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select id, key_id, ciphertext from " + schema + "." + table);
        PreparedStatement update =
            connection.prepareStatement(
                "update "
                    + schema
                    + "."
                    + table
                    + " set key_id = ?, ciphertext = ? where id = ?")) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String plain = box.open(new SealedSecret(rows.getString(2), rows.getBytes(3)));
          SealedSecret sealed = box.seal(plain);
          update.setString(1, sealed.keyId());
          update.setBytes(2, sealed.ciphertext());
          update.setString(3, rows.getString(1));
          count += update.executeUpdate();
        }
      }
    }
    return count;
  }

  /** The key ids that seal the rows of {@code schema.table}. */
  public static List<String> keyIds(DataSource data, String schema, String table)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection connection = data.getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery("select key_id from " + schema + "." + table)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  /**
   * Every row of every table of {@code schema} as text (bytea as hex), searched for each secret in
   * plain text, as UTF-8 hex and as base64. Returns "table: secret" for every hit.
   */
  public static List<String> plaintextIn(DataSource data, String schema, List<String> secrets)
      throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection connection = data.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement list =
          connection.prepareStatement(
              "select table_name from information_schema.tables where table_schema = ?"
                  + " and table_type = 'BASE TABLE'")) {
        list.setString(1, schema);
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            tables.add(rows.getString(1));
          }
        }
      }
      for (String table : tables) {
        StringBuilder dump = new StringBuilder();
        try (ResultSet rows =
            connection
                .createStatement()
                .executeQuery("select t::text from " + schema + ".\"" + table + "\" t")) {
          while (rows.next()) {
            dump.append(rows.getString(1)).append('\n');
          }
        }
        String text = dump.toString();
        for (String secret : secrets) {
          String hex =
              HexFormat.of().formatHex(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          String base64 =
              java.util.Base64.getEncoder()
                  .encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          if (text.contains(secret) || text.toLowerCase().contains(hex) || text.contains(base64)) {
            hits.add(table + ": " + secret);
          }
        }
      }
      if (tables.isEmpty()) {
        hits.add("no tables in schema " + schema);
      }
    }
    return hits;
  }

  private static SecretBox box(String active) {
    return new SecretBox(
        new SecretsConfig() {
          @Override
          public Optional<String> activeKey() {
            return Optional.of(active);
          }

          @Override
          public Map<String, String> keys() {
            return Map.of("test", TEST_KEY, "old", OLD_KEY);
          }
        });
  }
}
