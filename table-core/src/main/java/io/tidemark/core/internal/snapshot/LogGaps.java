package io.tidemark.core.internal.snapshot;

import io.tidemark.core.Vacuum;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.internal.log.LogListing;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.MissingCommitException;
import io.tidemark.spec.error.TidemarkException;

/**
 * Tells a commit file that log retention expired from one that was lost (spec 14), from one
 * listing of the log. Retention deletes the oldest commits first, 1 up to below a checkpoint, and
 * only when {@code log.retention.enabled} is true; so a missing commit g was expired exactly when
 * that property is on, no commit from 1 to g is left, and a checkpoint exists above g. Any other
 * missing commit means the log is damaged.
 */
final class LogGaps {
  private final LogListing listed;
  private final boolean retentionEnabled;
  private final String table;

  LogGaps(LogListing listed, boolean retentionEnabled, String table) {
    this.listed = listed;
    this.retentionEnabled = retentionEnabled;
    this.table = table;
  }

  /** Whether the missing commit of this version was expired by log retention. */
  boolean expired(long version) {
    return retentionEnabled && version >= 1 && listed.commits().subSet(1L, true, version, true).isEmpty()
        && listed.checkpoints().higher(version) != null;
  }

  /** The newest version before this one that has a commit file, or -1. */
  long previousStored(long version) {
    Long previous = listed.commits().lower(version);
    return previous == null ? -1 : previous;
  }

  /** The next version after this one that has a commit file, or -1. */
  long nextStored(long version) {
    Long next = listed.commits().higher(version);
    return next == null ? -1 : next;
  }

  /**
   * The error for a read that needs the missing commit of a version: "no longer available" when
   * retention expired it, else the corrupt-log error naming it and saying why it was not expired.
   *
   * @param what what was asked for, e.g. {@code "version 3"}
   */
  TidemarkException error(String what, long missing) {
    String file = LogFiles.commitPath(missing);
    if (expired(missing)) {
      long oldest = listed.checkpoints().higher(missing);
      return new InvalidArgumentException(what + " of " + table + " is no longer available: log retention ("
          + Vacuum.LOG_RETENTION_ENABLED + ") expired its commits (" + file + " is gone); the oldest version"
          + " available after version 0 is " + oldest);
    }
    String why;
    if (!retentionEnabled) {
      why = Vacuum.LOG_RETENTION_ENABLED + " is off, so log retention did not expire it";
    } else if (listed.checkpoints().higher(missing) == null) {
      why = "log retention only expires commits below a checkpoint, and there is none above it";
    } else {
      long kept = listed.commits().subSet(1L, true, missing, false).first();
      why = "log retention expires the oldest commits first, and commit " + kept + " before it is still there";
    }
    return new MissingCommitException(file, missing, "commit file is missing, so " + what + " cannot be read; "
        + why + ": the log is damaged");
  }
}
