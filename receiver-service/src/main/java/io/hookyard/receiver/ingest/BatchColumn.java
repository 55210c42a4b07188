package io.hookyard.receiver.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * One column of a batch insert that binds each column as an array and {@code unnest}s it. The same
 * list of columns gives the statement's column names, its {@code unnest} casts and the bound
 * arrays, so the three cannot fall out of order.
 *
 * @param name the table's column
 * @param sqlType what the array is cast to in the statement
 * @param bindType the array type it is bound as (text for JSON and times, which PostgreSQL parses)
 * @param newArray a Java array of the element type the driver encodes for {@code bindType}
 * @param value the column's value of one row, given the batch's headers cache
 * @param <T> the row
 */
record BatchColumn<T>(
    String name,
    String sqlType,
    String bindType,
    IntFunction<Object[]> newArray,
    BiFunction<T, IngestTables.HeadersJson, Object> value) {

  static <T> BatchColumn<T> text(String name, Function<T, String> value) {
    return new BatchColumn<>(
        name, "text", "text", String[]::new, (row, headers) -> value.apply(row));
  }

  /** Headers as JSON, written once per map in a batch however many rows carry it. */
  static <T> BatchColumn<T> headers(String name, Function<T, Map<String, List<String>>> value) {
    return new BatchColumn<>(
        name, "jsonb", "text", String[]::new, (row, headers) -> headers.of(value.apply(row)));
  }

  static <T> BatchColumn<T> time(String name, Function<T, Instant> value) {
    return new BatchColumn<>(
        name, "timestamptz", "text", String[]::new, (row, headers) -> value.apply(row).toString());
  }

  static <T> BatchColumn<T> bytes(String name, Function<T, byte[]> value) {
    return new BatchColumn<>(
        name, "bytea", "bytea", byte[][]::new, (row, headers) -> value.apply(row));
  }

  static <T> BatchColumn<T> integer(String name, Function<T, Integer> value) {
    return new BatchColumn<>(
        name, "int4", "int4", Integer[]::new, (row, headers) -> value.apply(row));
  }

  /** {@code (a, b, …) select * from unnest(?::t[], …)}, to follow {@code insert into <table>}. */
  static <T> String insertFromUnnest(List<BatchColumn<T>> columns) {
    return "("
        + columns.stream().map(BatchColumn::name).collect(Collectors.joining(", "))
        + ") select * from unnest("
        + columns.stream()
            .map(column -> "?::" + column.sqlType() + "[]")
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** Binds each column of {@code rows} as one array, from the first parameter on. */
  static <T> void bind(
      PreparedStatement statement,
      List<BatchColumn<T>> columns,
      List<T> rows,
      IngestTables.HeadersJson headers)
      throws SQLException {
    Connection connection = statement.getConnection();
    for (int c = 0; c < columns.size(); c++) {
      BatchColumn<T> column = columns.get(c);
      // The array's runtime type (String[], byte[][], Integer[]) tells the driver how to encode it.
      Object[] values = column.newArray().apply(rows.size());
      for (int i = 0; i < values.length; i++) {
        values[i] = column.value().apply(rows.get(i), headers);
      }
      statement.setArray(c + 1, connection.createArrayOf(column.bindType(), values));
    }
  }
}
