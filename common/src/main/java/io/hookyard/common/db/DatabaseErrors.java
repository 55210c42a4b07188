package io.hookyard.common.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;

/** Tells failures that trying again later can cure from those it cannot. */
public final class DatabaseErrors {
  // SQLSTATE classes: connection exception, insufficient resources, operator intervention
  // (PostgreSQL shutting down or starting up), and transaction rollback (serialization, deadlock).
  private static final Set<String> PASSING_CLASSES = Set.of("08", "53", "57", "40");
  // Agroal's way of saying that no connection became free in time.
  private static final String POOL_TIMEOUT = "acquisition timeout";

  private DatabaseErrors() {}

  /**
   * Whether the failure came from the database being out of reach or overloaded for a moment, so
   * that the same work may succeed when tried again.
   */
  public static boolean passing(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && passing(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean passing(SQLException sql) {
    for (SQLException next = sql; next != null; next = next.getNextException()) {
      String state = next.getSQLState();
      if (state != null && state.length() >= 2 && PASSING_CLASSES.contains(state.substring(0, 2))) {
        return true;
      }
      if (state == null
          && next.getMessage() != null
          && next.getMessage().toLowerCase(Locale.ROOT).contains(POOL_TIMEOUT)) {
        return true;
      }
    }
    return false;
  }
}
