package io.hookyard.rules.matching;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Binds a batch's column as one PostgreSQL array, for statements that {@code unnest} it. */
final class SqlArrays {
  private SqlArrays() {}

  static Array texts(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray(String[]::new));
  }
}
