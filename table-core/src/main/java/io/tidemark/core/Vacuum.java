package io.tidemark.core;

import java.time.Duration;

/**
 * Deletes files that no version inside the retention window references, so that storage does
 * not grow with every delete, overwrite and compaction. Vacuum is not a commit.
 *
 * <p>The retained versions are the newest one and every version that was current at some instant
 * inside the window (the version current at its start, and all later ones), by in-commit
 * timestamp; time travel to them keeps working. Vacuum deletes:
 *
 * <ul>
 *   <li>files under {@code data/} that no retained version references and whose modification
 *       time is older than the window: files of older versions, and orphans that were never
 *       committed (left by a crashed writer). A file being written by a concurrent writer is
 *       younger than the window, and so is kept;</li>
 *   <li>manifests under {@code _manifests/} that no checkpoint lists, older than the window;</li>
 *   <li>when the table property {@value #LOG_RETENTION_ENABLED} is {@code true}: commit files
 *       (all but version 0, which marks that the table exists) and checkpoints older than the
 *       newest checkpoint at or before the oldest retained version.</li>
 * </ul>
 *
 * <p>It never deletes a file a retained version references. Time travel to a version whose files
 * are gone fails with a {@link io.tidemark.spec.error.MissingDataFileException}. A retention
 * shorter than {@link #DEFAULT_RETENTION} needs {@link #force(boolean) force(true)}: a writer
 * still writing files older than the window, or a reader of a version older than it, would break.
 *
 * <pre>{@code
 * VacuumReport dry = table.vacuum().retain(Duration.ofDays(7)).dryRun(true).execute();
 * }</pre>
 */
public interface Vacuum {
  /** The default retention: 7 days. */
  Duration DEFAULT_RETENTION = Duration.ofDays(7);
  /** Table property: {@code true} lets vacuum expire old commit files and checkpoints. */
  String LOG_RETENTION_ENABLED = "log.retention.enabled";

  /** Keeps the versions of this window (default 7 days). */
  Vacuum retain(Duration retention);

  /** Same as {@link #retain}. */
  default Vacuum olderThan(Duration retention) {
    return retain(retention);
  }

  /** Only reports what would be deleted. */
  Vacuum dryRun(boolean dryRun);

  /** Allows a retention shorter than {@link #DEFAULT_RETENTION}. */
  Vacuum force(boolean force);

  /**
   * Finds the files to delete and deletes them (unless a dry run).
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the retention is negative, or
   *     shorter than the default without {@link #force}
   * @throws io.tidemark.spec.error.StorageException when listing or deleting fails (what was
   *     deleted before stays deleted; nothing a retained version needs is touched)
   */
  VacuumReport execute();
}
