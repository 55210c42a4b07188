package io.hookyard.receiver.source;

import io.hookyard.common.secret.SealedColumn;
import io.hookyard.common.secret.SealedColumns;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Every table of receiver-service that holds values sealed at rest; key rotation walks these. */
public class SealedTables {

  @Produces
  @Singleton
  SealedColumns sealedColumns() {
    return new SealedColumns(List.of(SealedColumn.of("source_secret")));
  }
}
