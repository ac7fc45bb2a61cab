package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;

/**
 * Appends rows in one commit: rows go to new Parquet data files as they are written, and
 * {@link #commit()} makes them part of the table all at once. Closing a writer that did not
 * commit deletes the files it wrote. Belongs to one thread.
 *
 * <pre>{@code
 * try (AppendWriter w = table.newAppend()) {
 *   for (Record r : rows) w.write(r);
 *   w.commit();
 * }
 * }</pre>
 */
public interface AppendWriter extends AutoCloseable {
  /** The schema rows must have: the table's schema when the writer was made. */
  Schema schema();

  /**
   * Writes one row.
   *
   * @throws io.tidemark.spec.error.SchemaMismatchException when the record is not of {@link #schema()}
   */
  void write(Record record);

  /** Writes every row. */
  default void writeAll(Iterable<Record> records) {
    for (Record r : records) {
      write(r);
    }
  }

  /**
   * Makes the commit exactly-once for a retrying job: it records that application {@code appId}
   * committed its work number {@code version}, and is refused with a
   * {@link io.tidemark.spec.error.DuplicateTransactionException} when the table already holds that
   * version (or a higher one) for the app.
   */
  AppendWriter applicationTransaction(String appId, long version);

  /**
   * With {@code true}, records may be of a wider schema than the table's: columns the table lacks
   * (matched by name) are added as optional columns in the same commit ({@code schemaId + 1}),
   * and int, float and decimal values are promoted to a wider table type. Without it (the
   * default), a record that is not of {@link #schema()} fails with a
   * {@link io.tidemark.spec.error.SchemaMismatchException} naming the field.
   */
  AppendWriter mergeSchema(boolean merge);

  /**
   * Commits every row written. Concurrent appends by other writers never conflict with this one;
   * a lost race is retried at the next version without rewriting data.
   *
   * @return where and when the rows landed
   * @throws io.tidemark.spec.error.CommitConflictException when the commit could not be made
   * @throws io.tidemark.spec.error.DuplicateTransactionException when the application transaction is already committed
   */
  CommitResult commit();

  /** Deletes the data files written unless the commit happened. */
  @Override
  void close();
}
