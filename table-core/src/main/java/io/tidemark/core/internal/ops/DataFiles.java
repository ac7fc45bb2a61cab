package io.tidemark.core.internal.ops;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.deletes.DeletedRows;
import io.tidemark.core.internal.deletes.DeletionVectors;
import io.tidemark.core.internal.parquet.DataFileReader;
import io.tidemark.core.internal.parquet.PositionedRecords;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.MissingDataFileException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.types.Schema;

/** Small helpers on data files shared by the operations. */
final class DataFiles {
  private DataFiles() {}

  /**
   * The remove action of a live file, carrying its size and row count. Its deletion timestamp is
   * left at 0: the committer stamps every remove with the timestamp of the commit attempt.
   */
  static RemoveFile remove(AddFile file, boolean dataChange) {
    return new RemoveFile(file.path(), 0, dataChange, file.size(), file.recordCount());
  }

  /** The same add with another {@code dataChange} flag. */
  static AddFile withDataChange(AddFile file, boolean dataChange) {
    return file.withDataChange(dataChange);
  }

  /** The directory of a file relative to the table root ({@code data/a=1} of {@code data/a=1/x.parquet}). */
  static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "data" : path.substring(0, slash);
  }

  /**
   * Opens a data file of a version for reading every row with the table schema, leaving out the
   * rows its deletion vector deletes.
   *
   * @throws MissingDataFileException when the file (or its vector's file) is gone
   */
  static CloseableIterator<Record> read(TableContext table, AddFile file, Schema schema, long version) {
    return read(table, file, schema, version, deletedRows(table, file, version));
  }

  /** The rows a live file's deletion vector deletes, or null when it has none. */
  static DeletedRows deletedRows(TableContext table, AddFile file, long version) {
    return DeletedRows.of(DeletionVectors.load(table.locations()::inputFile, file, version));
  }

  /**
   * Opens a data file of a version for reading every row with the table schema, leaving out
   * the given rows (none when null). Rows come in file order, so the caller can count positions.
   */
  static CloseableIterator<Record> read(TableContext table, AddFile file, Schema schema, long version,
      DeletedRows deleted) {
    return readPositioned(table, file, schema, version, null, deleted);
  }

  /**
   * Opens a data file of a version, saying where each row is. With a bound filter the reader may
   * skip row groups and pages that hold no matching row, and rows the Parquet filter rejects; the
   * rows returned still need the exact filter.
   */
  static PositionedRecords readPositioned(TableContext table, AddFile file, Schema schema, long version,
      Expression boundFilter, DeletedRows deleted) {
    try {
      return DataFileReader.open(table.locations().inputFile(file.path()), schema, boundFilter, null, 0, -1,
          deleted);
    } catch (StorageException e) {
      if (MissingDataFileException.isNotFound(e)) {
        throw MissingDataFileException.scanning(file.path(), version, e);
      }
      throw e;
    }
  }
}
