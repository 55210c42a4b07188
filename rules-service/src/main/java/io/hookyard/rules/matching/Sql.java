package io.hookyard.rules.matching;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * For the statements that go to JDBC directly (where Hibernate's {@code {h-schema}} is not
 * replaced): the schema, and a batch's column bound as one PostgreSQL array to {@code unnest}.
 */
final class Sql {
  /** Where the tables are: {@code quarkus.hibernate-orm.database.default-schema}. */
  static final String SCHEMA = "rules.";

  private Sql() {}

  static Array texts(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray(String[]::new));
  }
}
