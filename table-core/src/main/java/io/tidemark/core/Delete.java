package io.tidemark.core;

import io.tidemark.core.expr.Expression;

/**
 * Deletes the rows matching a filter in one commit. Files whose partition values and column
 * statistics prove that every row matches are removed without being read; the other files that
 * may hold matching rows are read and rewritten without them (copy-on-write: new files in the
 * same partition), or, when the table property {@link TableProperties#DELETE_MODE} is
 * merge-on-read, keep their data and get a deletion vector marking the deleted rows. Rows whose
 * filter value is unknown (a null compared) are kept, as a scan with the filter would not return
 * them.
 *
 * <p>The table is read when the delete is made. The delete is serializable: it fails with a
 * {@link io.tidemark.spec.error.CommitConflictException} naming the version and the files when a
 * concurrent commit removed a file it read or added a file that may hold rows matching its
 * filter. Belongs to one thread.
 *
 * <pre>{@code
 * DeleteResult r = table.newDelete().where("ts < '2024-01-01'").commit();
 * }</pre>
 */
public interface Delete {
  /** The operation name written to the commit. */
  String OPERATION = "DELETE";

  /** The rows to delete (required; {@code Expressions.alwaysTrue()} deletes every row). */
  Delete where(Expression filter);

  /** Same, in the filter language (see {@link io.tidemark.core.expr.Expressions#parse}). */
  Delete where(String filter);

  /**
   * Deletes and commits. When no row matches, nothing is committed and the result's version is -1.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when no filter was set or it does not bind
   * @throws io.tidemark.spec.error.CommitConflictException when a concurrent commit conflicts
   */
  DeleteResult commit();
}
