package io.tidemark.core.internal.commit;

import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.log.TransactionLog;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.io.FileIO;
import java.time.Instant;

/**
 * What table operations (restore, delete, compaction, vacuum in {@code io.tidemark.core.internal.ops})
 * need of a table: its storage, its log, its snapshots, its committer and the after-commit hook.
 * Implemented by the library's table; not meant for application code.
 */
public interface TableContext {
  /** The table's storage. */
  FileIO io();

  /** The table root, without trailing slash. */
  String location();

  /** Where the table's files are, and the check that a location is inside the table. */
  TableLocations locations();

  /** Reads the commits added since the last look and returns the newest state. */
  TableState latestState();

  /**
   * The state at a version.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the version does not exist
   */
  TableState stateAt(long version);

  /**
   * The state current at an instant, by in-commit timestamp.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the instant is before the first commit
   */
  TableState stateAsOf(Instant timestamp);

  /** The table's commit files (parsed commits are cached). */
  TransactionLog log();

  /** Makes commits under optimistic concurrency. */
  Committer committer();

  /** Called after each commit this process made (writes the periodic checkpoint). */
  void afterCommit(TableState committed);
}
