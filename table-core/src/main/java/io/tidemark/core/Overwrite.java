package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.spec.types.Schema;

/**
 * Replaces rows with new ones in one commit, in one of two modes:
 *
 * <ul>
 *   <li><b>by filter</b> ({@link #where}): the rows matching the filter are deleted as by
 *       {@link Delete} (whole files when statistics prove it, else copy-on-write or, in merge-on-read
 *       mode, deletion vectors) and the new rows
 *       added; every new row must match the filter, so that the same overwrite run again replaces
 *       them;</li>
 *   <li><b>dynamic partitions</b> ({@link #dynamicPartitions()}): every file of the default
 *       partition spec in a partition that a new row lands in is removed, and the new rows added;
 *       other partitions are untouched (for an unpartitioned table: the whole table).</li>
 * </ul>
 *
 * <p>Rows are written to new data files as they come; {@link #commit()} makes the change. The
 * table is read when the overwrite is made; it is serializable, like {@link Delete}. Closing an
 * overwrite that did not commit deletes the files it wrote. Belongs to one thread.
 *
 * <pre>{@code
 * try (Overwrite o = table.newOverwrite().where("day = '2024-01-02'")) {
 *   o.writeAll(rows);
 *   o.commit();
 * }
 * }</pre>
 */
public interface Overwrite extends AutoCloseable {
  /** The operation name written to the commit. */
  String OPERATION = "OVERWRITE";

  /** Replaces the rows matching this filter; set it before writing. */
  Overwrite where(Expression filter);

  /** Same, in the filter language. */
  Overwrite where(String filter);

  /** Replaces exactly the partitions the new rows land in; set it before writing. */
  Overwrite dynamicPartitions();

  /** The schema rows must have: the table's when the overwrite was made. */
  Schema schema();

  /**
   * Writes one new row.
   *
   * @throws io.tidemark.spec.error.SchemaMismatchException when the record is not of {@link #schema()}
   * @throws io.tidemark.spec.error.InvalidArgumentException when no mode was chosen, or the row does
   *     not match the filter
   */
  void write(Record record);

  /** Writes every row. */
  default void writeAll(Iterable<Record> records) {
    for (Record r : records) {
      write(r);
    }
  }

  /**
   * Commits: removes what is replaced and adds the new rows. When there is nothing to remove and
   * no row was written, nothing is committed and the result's version is -1.
   *
   * @throws io.tidemark.spec.error.CommitConflictException when a concurrent commit conflicts
   */
  OverwriteResult commit();

  /** Deletes the files written unless the commit happened. */
  @Override
  void close();
}
