package io.hookyard.common.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

  @Test
  void aLostConnectionDeepInTheCausesIsPassing() {
    SQLException closed = new SQLException("This connection has been closed.", "08003");
    assertTrue(
        DatabaseErrors.passing(
            new IllegalStateException("Could not record", new RuntimeException(closed))));
  }

  @Test
  void theDatabaseShuttingDownOrStartingUpIsPassing() {
    assertTrue(DatabaseErrors.passing(new SQLException("terminating connection", "57P01")));
    assertTrue(
        DatabaseErrors.passing(new SQLException("the database system is starting", "57P03")));
  }

  @Test
  void aPoolThatHandsOutNoConnectionInTimeIsPassing() {
    assertTrue(DatabaseErrors.passing(new SQLException("Sorry, acquisition timeout!")));
    assertTrue(DatabaseErrors.passing(new SQLTransientConnectionException("no connection")));
  }

  @Test
  void aDeadlockChainedBehindAnotherErrorIsPassing() {
    SQLException batch = new SQLException("Batch entry 3 was aborted", "XX000");
    batch.setNextException(new SQLException("deadlock detected", "40P01"));
    assertTrue(DatabaseErrors.passing(batch));
  }

  @Test
  void dataTheDatabaseRefusesOrABugIsNotPassing() {
    assertFalse(DatabaseErrors.passing(new SQLException("duplicate key value", "23505")));
    assertFalse(DatabaseErrors.passing(new SQLException("invalid input syntax", "22P02")));
    assertFalse(DatabaseErrors.passing(new SQLException("syntax error", "42601")));
    assertFalse(DatabaseErrors.passing(new IllegalArgumentException("no such step")));
  }
}
