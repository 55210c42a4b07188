package io.hookyard.delivery.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the delivery log's retention on a schedule: batch after batch until a batch comes back
 * short, each in its own transaction, so no run holds locks on much of the table at once.
 */
@ApplicationScoped
public class RetentionJob {
  private static final Logger LOG = Logger.getLogger(RetentionJob.class);

  private final LogRetention retention;

  public RetentionJob(LogRetention retention) {
    this.retention = retention;
  }

  @Scheduled(
      identity = "delivery-log-retention",
      every = "${hookyard.delivery.retention.interval:1h}",
      delayed = "${hookyard.delivery.retention.start-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      // A run that falls due while the service stops would find the persistence unit gone.
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void run() {
    long deliveries = 0;
    long replays = 0;
    LogRetention.Dropped batch;
    do {
      batch = retention.dropBatch();
      deliveries += batch.deliveries();
      replays += batch.replays();
    } while (batch.full(retention.batchSize()));
    if (deliveries > 0 || replays > 0) {
      LOG.infof(
          "Retention dropped %d finished deliveries and %d replays past their retention",
          deliveries, replays);
    }
  }
}
