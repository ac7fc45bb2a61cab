package io.tidemark.core;

import java.time.Instant;

/**
 * Restores a table to an earlier version as one new commit: files added since that version are
 * removed, files removed since are added back (their original add actions, as data changes), and
 * no data is rewritten. Metadata (schema, partition specs, properties) is kept as it is now.
 * Before it commits, restore checks that every file it re-adds still exists and refuses, naming
 * the missing files, when vacuum took them. The restore is a commit like any other: time travel
 * or another restore undoes it.
 *
 * <p>The table is read when the restore is made; a concurrent commit that changed data since
 * makes it fail with a {@link io.tidemark.spec.error.CommitConflictException} (restore is
 * serializable). Belongs to one thread.
 *
 * <pre>{@code
 * table.restore().toVersion(12).commit();
 * table.restore().toTimestamp(Instant.parse("2024-01-02T10:00:00Z")).commit();
 * }</pre>
 */
public interface Restore {
  /** The operation name written to the commit. */
  String OPERATION = "RESTORE";

  /** Restores the table as it was at this version. */
  Restore toVersion(long version);

  /** Restores the table as it was at this instant: the newest version committed at or before it. */
  Restore toTimestamp(Instant timestamp);

  /**
   * Commits the restore.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when no target was set, or it does not exist
   * @throws io.tidemark.spec.error.MissingDataFileException naming the files to re-add that are gone
   * @throws io.tidemark.spec.error.CommitConflictException when data changed concurrently
   */
  RestoreResult commit();
}
