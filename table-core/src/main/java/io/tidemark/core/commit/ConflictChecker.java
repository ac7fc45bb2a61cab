package io.tidemark.core.commit;

import io.tidemark.core.log.Commit;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.DuplicateTransactionException;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a pending commit can be rebased over a commit that won the race for its
 * version (spec.md, "Conflicts"). Appends never conflict with appends.
 */
final class ConflictChecker {
  private ConflictChecker() {}

  /**
   * @throws CommitConflictException when the two commits cannot both apply
   * @throws DuplicateTransactionException when the winner recorded the same application transaction
   */
  static void check(PendingCommit pending, Commit winner) {
    String by = " by version " + winner.version() + " (" + winner.info().operation() + ")";
    Txn txn = pending.txn();
    if (txn != null) {
      for (Txn other : winner.txns()) {
        if (other.appId().equals(txn.appId()) && other.version() >= txn.version()) {
          throw new DuplicateTransactionException(txn.appId(), txn.version(), other.version());
        }
      }
    }
    if (winner.protocol() != null) {
      throw new CommitConflictException(winner.version(), "the protocol was changed concurrently" + by);
    }
    if (winner.metadata() != null) {
      throw new CommitConflictException(winner.version(), "the table metadata was changed concurrently" + by);
    }
    if (pending.metadata() != null || pending.protocol() != null) {
      throw new CommitConflictException(winner.version(),
          "this commit changes the table metadata, and the table changed concurrently" + by);
    }
    if (!pending.removes().isEmpty()) {
      Set<String> removing = new HashSet<>();
      for (RemoveFile r : pending.removes()) {
        removing.add(r.path());
      }
      for (RemoveFile r : winner.removes()) {
        if (removing.contains(r.path())) {
          throw new CommitConflictException(winner.version(), "file " + r.path() + " was removed concurrently" + by);
        }
      }
    }
    ReadConflicts.check(pending, winner, by);
  }
}
