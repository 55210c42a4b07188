package io.hookyard.delivery.log;

import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.Map;

/** A native SQL {@code where} clause built from optional conditions, with its parameters. */
public final class SqlWhere {
  private final StringBuilder clause = new StringBuilder();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** Adds {@code condition}, which names the parameter {@code :name}. */
  public SqlWhere and(String condition, String name, Object value) {
    clause.append(clause.isEmpty() ? "" : " and ").append(condition);
    parameters.put(name, value);
    return this;
  }

  /**
   * Adds a condition without parameters, written as a literal so that a partial index on it can be
   * used.
   */
  public SqlWhere and(String condition) {
    clause.append(clause.isEmpty() ? "" : " and ").append(condition);
    return this;
  }

  /** Adds {@code column = :name} when {@code value} is not null. */
  public SqlWhere andEqual(String column, String name, Object value) {
    return value == null ? this : and(column + " = :" + name, name, value);
  }

  public SqlWhere parameter(String name, Object value) {
    parameters.put(name, value);
    return this;
  }

  @Override
  public String toString() {
    return clause.isEmpty() ? "true" : clause.toString();
  }

  /** Binds every parameter of the clause to {@code query}, which must use the clause. */
  public <Q extends Query> Q bind(Q query) {
    parameters.forEach(query::setParameter);
    return query;
  }
}
