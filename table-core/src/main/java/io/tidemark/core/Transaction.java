package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * Several changes committed as one version: readers see all of them or none, and they are checked
 * for conflicts, and retried, as a whole. Each change applies to the table as the changes before
 * it left it, so a delete followed by an append of new versions of the deleted rows is an upsert,
 * and an append after a schema change writes the new schema. Nothing is visible until
 * {@link #commit()}; a transaction that is not committed leaves only orphan files, which vacuum
 * removes. Belongs to one thread; one use.
 *
 * <pre>{@code
 * table.newTransaction()
 *     .delete("id in (3, 7)")
 *     .append(List.of(updated3, updated7))
 *     .applicationTransaction("cdc", lsn)
 *     .commit();
 * }</pre>
 */
public interface Transaction {
  /**
   * Removes the rows matching the filter, as {@link Table#newDelete()} does: files that provably
   * match are dropped unread, others rewritten without the matching rows. The transaction is then
   * serializable: a concurrent commit that adds rows which may match, or removes a file it read,
   * makes it fail.
   */
  Transaction delete(Expression filter);

  /** Same, with the filter in the filter language. */
  Transaction delete(String filter);

  /** Writes rows of the transaction's current schema into new data files, added at commit. */
  Transaction append(Iterable<Record> rows);

  /** Adds data files written elsewhere, checked as {@link AppendFiles} checks them. */
  Transaction appendFiles(Collection<DataFile> files);

  /**
   * Changes the schema: the consumer makes the changes on the {@link UpdateSchema} it is given
   * (without calling its {@code commit()}); later appends use the new schema.
   */
  Transaction updateSchema(Consumer<UpdateSchema> changes);

  /** Makes the transaction exactly-once for an application, as {@link AppendWriter#applicationTransaction} does. */
  Transaction applicationTransaction(String appId, long version);

  /**
   * Commits every change as one version ({@code TRANSACTION}).
   *
   * @throws io.tidemark.spec.error.CommitConflictException when a concurrent commit conflicts with
   *     any change; nothing is committed and the files the transaction wrote are deleted
   * @throws io.tidemark.spec.error.InvalidArgumentException when the transaction changes nothing
   */
  CommitResult commit();
}
