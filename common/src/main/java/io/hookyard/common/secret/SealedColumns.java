package io.hookyard.common.secret;

import java.util.List;

/**
 * Every table of a service that holds sealed values. Each service produces one; key rotation
 * re-encrypts exactly what is listed here, so a new table of secrets is one more entry.
 */
public record SealedColumns(List<SealedColumn> columns) {
  public SealedColumns {
    columns = List.copyOf(columns);
  }
}
