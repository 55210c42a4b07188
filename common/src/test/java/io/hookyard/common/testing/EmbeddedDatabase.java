package io.hookyard.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from Maven Central binaries, for tests and for {@code ./hookyard up}. It
 * listens on loopback; the data folder is kept when one is given and thrown away otherwise.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where to keep the data between runs, or {@code null} for a throw-away one
   * @param port the port, or 0 for a free one
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              // Backends that evict dirty pages ask the kernel to write them out as they go, so
              // that a checkpoint's fsync finds little left to write and commits do not stall
              // behind it (ADR 44).
              .setServerConfig("backend_flush_after", "256kB")
              // Byte-order collation, as the production cluster has (ADR 41): every index on ids
              // compares text without going through the C library's locale.
              .setLocaleConfig("locale", "C");
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return new EmbeddedDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** The JDBC URL of {@code database}, created first if it does not exist. */
  public String jdbcUrl(String database) {
    createDatabaseIfMissing(database);
    return postgres.getJdbcUrl(USER, database);
  }

  private void createDatabaseIfMissing(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Not a plain database name: " + database);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
        if (!exists.next()) {
          statement.execute("create database " + database);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
