package io.tidemark.core.ops;

import io.tidemark.core.commit.CommitOutcome;
import io.tidemark.core.commit.PendingCommit;
import io.tidemark.core.commit.TableContext;
import io.tidemark.core.snapshot.TableState;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.DuplicateTransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Commits an operation: on a definite failure deletes the files it wrote; after success runs the table's hook. */
final class OperationCommit {
  private static final Logger LOG = LoggerFactory.getLogger(OperationCommit.class);

  private OperationCommit() {}

  /**
   * @param abort deletes the data files the operation wrote; run only when the commit surely failed
   *     (an unknown outcome keeps them, as the commit may have landed)
   */
  static CommitOutcome commit(TableContext table, TableState read, PendingCommit pending, Runnable abort) {
    CommitOutcome outcome;
    try {
      outcome = table.committer().commit(read, pending);
    } catch (CommitConflictException | DuplicateTransactionException e) {
      LOG.info("{} on {} failed: {}", pending.operation(), table.location(), e.getMessage());
      abort.run();
      throw e;
    }
    LOG.info("{} on {} committed version {} ({} removes, {} adds, metrics {})", pending.operation(),
        table.location(), outcome.version(), pending.removes().size(), pending.adds().size(), pending.metrics());
    table.afterCommit(outcome.snapshot());
    return outcome;
  }
}
