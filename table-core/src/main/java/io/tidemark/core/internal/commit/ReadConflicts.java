package io.tidemark.core.internal.commit;

import io.tidemark.core.internal.log.Commit;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.CommitConflictException;
import java.util.ArrayList;
import java.util.List;

/**
 * The serializable conflict rules (spec.md 11.2): a transaction that read files and a predicate
 * conflicts with a winning commit that removed a file it read, or added data that may match its
 * predicate. Adds and removes with {@code dataChange} false (compaction) change no rows, so they
 * never match a predicate; removing a file that was read still conflicts.
 */
final class ReadConflicts {
  private static final int NAMED_FILES = 10;

  private ReadConflicts() {}

  /** @throws CommitConflictException naming the winning version and the files */
  static void check(PendingCommit pending, Commit winner, String by) {
    ReadSet reads = pending.reads();
    if (reads == null) {
      return;
    }
    List<String> removed = new ArrayList<>();
    for (RemoveFile r : winner.removes()) {
      if (reads.files().contains(r.path()) || (reads.wholeTable() && r.dataChange())) {
        removed.add(r.path());
      }
    }
    if (!removed.isEmpty()) {
      throw new CommitConflictException(winner.version(), (reads.wholeTable() ? "data was removed concurrently"
          : "files this " + pending.operation() + " read were removed concurrently") + by + ": " + names(removed));
    }
    List<String> added = new ArrayList<>();
    for (AddFile a : winner.adds()) {
      if (a.dataChange() && (reads.wholeTable() || reads.scope().test(a))) {
        added.add(a.path());
      }
    }
    if (!added.isEmpty()) {
      throw new CommitConflictException(winner.version(), (reads.wholeTable() ? "data was added concurrently"
          : "files that may match the predicate of this " + pending.operation() + " (" + reads.predicate()
          + ") were added concurrently") + by + ": " + names(added));
    }
  }

  static String names(List<String> paths) {
    List<String> shown = paths.subList(0, Math.min(NAMED_FILES, paths.size()));
    return String.join(", ", shown) + (paths.size() > shown.size()
        ? " and " + (paths.size() - shown.size()) + " more" : "");
  }
}
