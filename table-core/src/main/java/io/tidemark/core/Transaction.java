package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * Several changes (deletes, overwrites and appends; schema, partition spec and property changes)
 * committed as one version: readers see all of them or none, and they are checked
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
   * match are dropped unread, others rewritten without the matching rows (or given deletion
   * vectors, when the table property {@link TableProperties#DELETE_MODE} is merge-on-read as the
   * transaction's changes so far leave it). The transaction is then
   * serializable: a concurrent commit that adds rows which may match, or removes a file it read,
   * makes it fail.
   */
  Transaction delete(Expression filter);

  /** Same, with the filter in the filter language. */
  Transaction delete(String filter);

  /**
   * Replaces the rows matching the filter with {@code rows}, as {@link Overwrite#where} does: the
   * matching rows are deleted as by {@link #delete(Expression)}, then the rows appended; every new
   * row must match the filter, so that the same overwrite run again replaces them.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when a row does not match the filter
   *     (the transaction is then done and deletes the files it wrote)
   */
  Transaction overwrite(Expression filter, Iterable<Record> rows);

  /** Same, with the filter in the filter language. */
  Transaction overwrite(String filter, Iterable<Record> rows);

  /** Writes rows of the transaction's current schema into new data files, added at commit. */
  Transaction append(Iterable<Record> rows);

  /** Adds data files written elsewhere, checked as {@link AppendFiles} checks them. */
  Transaction appendFiles(Collection<DataFile> files);

  /**
   * Changes the schema: the consumer makes the changes on the {@link UpdateSchema} it is given
   * (without calling its {@code commit()}); later appends use the new schema.
   */
  Transaction updateSchema(Consumer<UpdateSchema> changes);

  /**
   * Changes the partition spec: the consumer makes the changes on the {@link UpdatePartitionSpec}
   * it is given (without calling its {@code commit()}); later appends write the new spec.
   */
  Transaction updatePartitionSpec(Consumer<UpdatePartitionSpec> changes);

  /**
   * Sets and unsets table properties, checked as {@link UpdateProperties} checks them: the
   * consumer makes the changes on the {@link UpdateProperties} it is given (without calling its
   * {@code apply()} or {@code commit()}); later appends follow the new properties.
   */
  Transaction updateProperties(Consumer<UpdateProperties> changes);

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
