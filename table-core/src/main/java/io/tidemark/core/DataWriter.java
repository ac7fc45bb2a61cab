package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import java.util.List;

/**
 * Writes rows into data files of a table without committing them: the first half of "write here,
 * commit there". Rows go to the files of the partition their values fall in, as an
 * {@link AppendWriter}'s do. {@link #finish()} makes the files durable and hands back their
 * descriptions, which an {@link AppendFiles} commits, in this JVM or another. Files that are
 * never committed are orphans that vacuum removes; nothing is half committed. Belongs to one
 * thread.
 *
 * <pre>{@code
 * List<DataFile> files;
 * try (DataWriter w = table.newDataWriter()) { w.writeAll(rows); files = w.finish(); }
 * // ... anywhere, once:
 * table.newAppendFiles().appendFiles(files).commit();
 * }</pre>
 */
public interface DataWriter extends AutoCloseable {
  /** The schema rows must have: the table's when the writer was made. */
  Schema schema();

  /**
   * Writes one row.
   *
   * @throws io.tidemark.spec.error.SchemaMismatchException when the record is not of {@link #schema()}
   */
  void write(Record record);

  /** Writes rows one by one. */
  default void writeAll(Iterable<Record> records) {
    for (Record r : records) {
      write(r);
    }
  }

  /**
   * Closes the files, forces them to storage and describes them. The writer is done afterwards.
   *
   * @throws io.tidemark.spec.error.StorageException when a file cannot be finished (the writer
   *     deletes what it wrote)
   */
  List<DataFile> finish();

  /** Deletes the files written so far; the writer is done afterwards. */
  void abort();

  /** Aborts unless {@link #finish()} was called. */
  @Override
  void close();
}
