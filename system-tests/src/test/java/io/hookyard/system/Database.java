package io.hookyard.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the stack's database directly, as the superuser, for checks no API offers. */
final class Database {
  private Database() {}

  /** The first column of every row of {@code sql}, as text. */
  static List<String> column(String jdbcUrl, String sql, Object... parameters) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  static long count(String jdbcUrl, String sql, Object... parameters) throws SQLException {
    return Long.parseLong(column(jdbcUrl, sql, parameters).getFirst());
  }
}
