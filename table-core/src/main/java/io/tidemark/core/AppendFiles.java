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
