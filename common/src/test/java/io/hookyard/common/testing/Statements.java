package io.hookyard.common.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One SQL statement with its parameters, for tests that set up or read rows directly. */
public final class Statements {
  private Statements() {}

  /** Runs an insert, update or delete and returns how many rows it changed. */
  public static int update(DataSource data, String sql, Object... parameters) throws SQLException {
    try (Connection connection = data.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** Runs a query whose first column of its first row is a number, and returns it. */
  public static long number(DataSource data, String sql, Object... parameters) throws SQLException {
    try (Connection connection = data.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
