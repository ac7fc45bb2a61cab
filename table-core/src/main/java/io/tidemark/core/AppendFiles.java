package io.tidemark.core;

import java.util.Collection;

/**
 * Commits data files written elsewhere (by {@link DataWriter}s in this or other JVMs) as one
 * append: the second half of "write here, commit there". Before committing it checks that each file
 * is inside the table and exists with the size described, that the table knows its partition spec
 * and values, and that no file is already in the table or twice in the append: the same files are
 * never committed twice. Appends never conflict with appends; a concurrent commit that added one
 * of the same files makes this one fail.
 *
 * <pre>{@code
 * table.newAppendFiles().appendFiles(filesFromWorkers).applicationTransaction("ingest", batchId).commit();
 * }</pre>
 */
public interface AppendFiles {
  /** Adds a file to the append. */
  AppendFiles appendFile(DataFile file);

  /** Adds files to the append. */
  default AppendFiles appendFiles(Collection<DataFile> files) {
    files.forEach(this::appendFile);
    return this;
  }

  /**
   * Adds an existing Parquet file, described from its footer: its rows and the column statistics
   * Parquet kept (none for float and double columns), its size from the storage. The file must
   * be under the table's {@code data/} directory (imports never copy; vacuum keeps it while a
   * retained version references it, as any data file) and be a file of the table's schema by
   * Parquet field id: every field has an id of the schema and exactly the Parquet type Tidemark
   * writes for it, and every required column is there. Files without field ids are refused (no
   * matching by name). In a partitioned table the file gets the default spec, and must provably
   * hold one partition: its column statistics show each partition source column all null, or
   * without nulls and with bounds the transform maps to one value (for bucket: equal bounds).
   *
   * @param path the file's path relative to the table root, e.g. {@code data/2024/part-0.parquet}
   * @throws io.tidemark.spec.error.SchemaMismatchException naming the first field that does not fit
   * @throws io.tidemark.spec.error.InvalidArgumentException when the file is not under
   *     {@code data/}, does not exist, or may span several partitions
   * @throws io.tidemark.spec.error.OutsideTableException when the path resolves outside the table
   */
  AppendFiles importFile(String path);

  /**
   * Makes the commit exactly-once for an application: it fails with
   * {@link io.tidemark.spec.error.DuplicateTransactionException} when the table already holds this
   * application's version or a later one.
   */
  AppendFiles applicationTransaction(String appId, long version);

  /**
   * Commits the files as one new version.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when a file is not a valid addition
   *     (missing, of another size, outside the table, of an unknown spec, already in the table)
   * @throws io.tidemark.spec.error.CommitConflictException when a concurrent commit added one of
   *     the files or changed the table's metadata in a way the files were not written for
   */
  CommitResult commit();
}
