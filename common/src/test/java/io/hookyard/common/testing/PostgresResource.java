package io.hookyard.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL: the server named by {@code HOOKYARD_DB_URL} when
 * it is set, otherwise an embedded one started once per test JVM.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
  private static EmbeddedDatabase database;

  @Override
  public synchronized Map<String, String> start() {
    String external = System.getenv("HOOKYARD_DB_URL");
    if (external != null && !external.isBlank()) {
      return Map.of("quarkus.datasource.jdbc.url", external);
    }
    if (database == null) {
      database = EmbeddedDatabase.start(null, 0);
      Runtime.getRuntime().addShutdownHook(new Thread(database::close));
    }
    return Map.of(
        "quarkus.datasource.jdbc.url",
        database.jdbcUrl("hookyard"),
        "quarkus.datasource.username",
        EmbeddedDatabase.USER,
        "quarkus.datasource.password",
        "");
  }

  @Override
  public void stop() {
    // The server lives as long as the test JVM, so that every test class shares it.
  }
}
