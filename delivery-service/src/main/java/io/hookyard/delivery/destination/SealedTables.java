package io.hookyard.delivery.destination;

import io.hookyard.common.secret.SealedColumn;
import io.hookyard.common.secret.SealedColumns;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Every table of delivery-service that holds values sealed at rest; key rotation walks these. */
public class SealedTables {

  @Produces
  @Singleton
  SealedColumns sealedColumns() {
    return new SealedColumns(
        List.of(
            SealedColumn.of("destination_secret"),
            SealedColumn.of("destination_header_secret"),
            SealedColumn.of("credential"),
            new SealedColumn(
                "tenant_settings", "tenant", "smtp_password_key_id", "smtp_password")));
  }
}
