package io.tidemark.core.internal.commit;

import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.io.OutputFile;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.DuplicateTransactionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way an operation commits: every operation (append, delete, overwrite, compaction,
 * restore, schema and spec change, an append of files written elsewhere) builds a
 * {@link PendingCommit} of what it changes and hands it here. The {@link Committer} retries and
 * checks conflicts; this adds what every operation needs around it: cleaning up the files it wrote
 * after a definite failure (and only then: after an unknown outcome the commit may have landed),
 * logging, and the table's after-commit hook (the periodic checkpoint).
 */
public final class Commits {
  private static final Logger LOG = LoggerFactory.getLogger(Commits.class);

  private Commits() {}

  /**
   * Commits on top of the state the operation read.
   *
   * @param unforced data files the operation wrote without forcing them; forced beside the commit file
   * @param cleanup deletes the files the operation wrote; run only when the commit surely failed
   * @throws CommitConflictException when a concurrent commit conflicts (cleanup has run)
   * @throws DuplicateTransactionException when the application transaction is committed already
   *     (cleanup has run)
   * @throws io.tidemark.spec.error.CommitStateUnknownException when the outcome cannot be settled
   *     (no cleanup: the commit may have landed)
   */
  public static CommitOutcome commit(TableContext table, TableState read, PendingCommit pending,
      List<? extends OutputFile> unforced, Runnable cleanup) {
    CommitOutcome outcome;
    try {
      outcome = table.committer().commit(read, pending, unforced);
    } catch (CommitConflictException | DuplicateTransactionException e) {
      LOG.info("{} on {} failed: {}", pending.operation(), table.location(), e.getMessage());
      try {
        cleanup.run();
      } catch (RuntimeException cleanupError) {
        // the files are orphans then, which vacuum removes; the conflict is what the caller must see
        LOG.warn("could not delete the files of a failed {} on {}", pending.operation(), table.location(),
            cleanupError);
      }
      throw e;
    }
    LOG.debug("{} on {} committed version {} ({} removes, {} adds, metrics {})", pending.operation(),
        table.location(), outcome.version(), pending.removes().size(), pending.adds().size(), pending.metrics());
    table.afterCommit(outcome.snapshot());
    return outcome;
  }

  /** Commits an operation that wrote no files of its own. */
  public static CommitOutcome commit(TableContext table, TableState read, PendingCommit pending) {
    return commit(table, read, pending, List.of(), () -> { });
  }
}
