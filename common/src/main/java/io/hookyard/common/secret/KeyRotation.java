package io.hookyard.common.secret;

import io.hookyard.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Re-encrypts every sealed value of this service under the active key, table by table, in batches
 * of one transaction each. Safe to run on several replicas at once and to run again: a batch takes
 * only rows sealed under another key and skips rows another replica holds. Retire an old key from
 * the configuration only once every service reports nothing remaining.
 */
@ApplicationScoped
public class KeyRotation {
  private static final Logger LOG = Logger.getLogger(KeyRotation.class);

  private final Instance<SealedColumns> registry;
  private final SealedColumnBatch batches;
  private final SecretBox secretBox;

  public KeyRotation(
      Instance<SealedColumns> registry, SealedColumnBatch batches, SecretBox secretBox) {
    this.registry = registry;
    this.batches = batches;
    this.secretBox = secretBox;
  }

  /** What one run did, per table. */
  public record Report(String activeKey, List<TableReport> tables) {}

  /** How many values of a table were re-encrypted, and how many are still under an older key. */
  public record TableReport(String table, long reEncrypted, long remaining) {}

  public Report reEncryptAll(int batchSize) {
    if (columns().isEmpty()) {
      return new Report(secretBox.activeKey(), List.of());
    }
    if (secretBox.activeKey() == null) {
      throw ProblemException.conflict(
          "no-active-key", "This service has no active key for secrets at rest configured.");
    }
    List<TableReport> tables = new ArrayList<>();
    for (SealedColumn column : columns()) {
      long done = 0;
      int batch;
      do {
        batch = batches.reEncrypt(column, batchSize);
        done += batch;
      } while (batch > 0);
      tables.add(new TableReport(column.table(), done, batches.remaining(column)));
      LOG.infof(
          "Re-encrypted %d values of %s under key %s", done, column.table(), secretBox.activeKey());
    }
    return new Report(secretBox.activeKey(), tables);
  }

  private List<SealedColumn> columns() {
    return registry.isResolvable() ? registry.get().columns() : List.of();
  }
}
